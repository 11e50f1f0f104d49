package dev.loupe.promotion;

import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discounts promotions give a cart, computed without the database (see docs/adr/008-promotions.md). All amounts
 * are handled in the currency's minor unit (cents; yen for JPY), so every adjustment is rounded and the pieces of a
 * spread amount add up exactly.
 * <ul>
 * <li>Which apply: each promotion once (by id), those {@link Promotion#availableIn available} in the cart's
 * currency, open to the cart's customer groups, whose minimum subtotal, if any, the discountable item total before
 * discounts meets. The caller passes
 * usable promotions ({@link Promotions#automatic}, {@link Promotions#forCodes}); status and dates are not checked
 * again here.</li>
 * <li>Order: automatic promotions first, then codes in the order given (the order they were added to the cart);
 * each applies to what the earlier ones left.</li>
 * <li>What: {@code items} targets the discountable lines its target rules allow, {@code order} every discountable
 * line, {@code shipping_methods} every shipping method.</li>
 * <li>Percentage ({@code across}, and always for {@code order}): the percentage of the eligible amount, rounded
 * half-up once, then spread. Percentage {@code each}: per line, of the line (of {@code max_quantity} of its units
 * when set), rounded per line. 100 % is exactly the eligible amount: free shipping.</li>
 * <li>Fixed {@code across} (and {@code order}): min(value, eligible amount), spread over the eligible targets in
 * proportion to what is left of them, rounded down, the remainder going to the largest (then the next largest if
 * the largest is used up; ties by id), so the result does not depend on the order of the lines. Fixed
 * {@code each}: value × units per line, at most {@code max_quantity} units per line.</li>
 * <li>A discount never exceeds what is left of its target and is never negative.</li>
 * <li>Stacking: if non-combinable promotions apply, the outcome is whichever is best for the shopper of the
 * combinable ones together and each non-combinable one alone; on a tie the combinable set wins, then the earlier
 * non-combinable one. ({@link Promotions#forCodes} already refuses a non-combinable code together with other
 * codes.)</li>
 * </ul>
 */
public final class PromotionCalculator {

	private PromotionCalculator() {
	}

	/** The discounts of these promotions on this cart. */
	public static Discounts calculate(DiscountContext cart, List<Promotion> promotions) {
		List<Promotion> applicable = inApplicationOrder(promotions).stream()
			.filter(p -> p.availableIn(cart.currency()) && p.openTo(cart.customerGroupIds()) && meetsMinimum(p, cart))
			.toList();
		List<Promotion> combinable = applicable.stream().filter(Promotion::combinable).toList();
		Discounts best = apply(cart, combinable);
		Money bestTotal = best.total(cart.currency());
		for (Promotion alone : applicable.stream().filter(p -> !p.combinable()).toList()) {
			Discounts candidate = apply(cart, List.of(alone));
			Money total = candidate.total(cart.currency());
			if (total.compareTo(bestTotal) > 0) {
				best = candidate;
				bestTotal = total;
			}
		}
		return best;
	}

	/** Each promotion once, automatic ones first; otherwise in the given order. */
	static List<Promotion> inApplicationOrder(List<Promotion> promotions) {
		Map<String, Promotion> unique = new LinkedHashMap<>();
		promotions.stream().filter(Promotion::automatic).forEach(p -> unique.putIfAbsent(p.id(), p));
		promotions.stream().filter(p -> !p.automatic()).forEach(p -> unique.putIfAbsent(p.id(), p));
		return List.copyOf(unique.values());
	}

	private static boolean meetsMinimum(Promotion promotion, DiscountContext cart) {
		return promotion.minimumSubtotal(cart.currency()).map(minimum -> {
			Money items = cart.lines().stream()
				.filter(DiscountLine::discountable)
				.map(DiscountLine::amount)
				.reduce(Money.zero(cart.currency()), Money::plus);
			return items.compareTo(minimum) >= 0;
		}).orElse(true);
	}

	private static Discounts apply(DiscountContext cart, List<Promotion> promotions) {
		int scale = Money.scaleOf(cart.currency());
		List<Target> lines = cart.lines().stream()
			.map(l -> new Target(l.lineId(), l.quantity(), minor(l.amount(), scale), l))
			.toList();
		List<Target> shipping = cart.shippingMethods().stream()
			.map(s -> new Target(s.shippingMethodId(), 1, minor(s.amount(), scale), null))
			.toList();
		List<Adjustment> lineAdjustments = new ArrayList<>();
		List<Adjustment> shippingAdjustments = new ArrayList<>();
		for (Promotion promotion : promotions) {
			ApplicationMethod method = promotion.method();
			boolean toShipping = method.target() == ApplicationMethod.Target.SHIPPING_METHODS;
			List<Target> eligible = toShipping ? shipping : lines.stream()
				.filter(t -> t.line.discountable()
						&& (method.target() == ApplicationMethod.Target.ORDER || promotion.targets(t.line)))
				.toList();
			long[] pieces = discount(method, eligible, scale);
			for (int i = 0; i < pieces.length; i++) {
				if (pieces[i] > 0) {
					Target target = eligible.get(i);
					target.left -= pieces[i];
					Adjustment adjustment = new Adjustment(target.id, promotion.id(), promotion.code(),
							new Money(BigDecimal.valueOf(pieces[i], scale), cart.currency()), description(promotion));
					(toShipping ? shippingAdjustments : lineAdjustments).add(adjustment);
				}
			}
		}
		return new Discounts(lineAdjustments, shippingAdjustments);
	}

	private static long[] discount(ApplicationMethod method, List<Target> eligible, int scale) {
		boolean each = method.allocation() == ApplicationMethod.Allocation.EACH
				&& method.target() != ApplicationMethod.Target.ORDER;
		long[] pieces = new long[eligible.size()];
		if (method.type() == ApplicationMethod.Type.PERCENTAGE) {
			if (each) {
				for (int i = 0; i < pieces.length; i++) {
					Target t = eligible.get(i);
					BigDecimal base = BigDecimal.valueOf(t.left);
					if (method.maxQuantity() != null && t.quantity > method.maxQuantity()) {
						base = base.multiply(BigDecimal.valueOf(method.maxQuantity()))
							.divide(BigDecimal.valueOf(t.quantity), 6, RoundingMode.HALF_UP);
					}
					pieces[i] = Math.min(t.left, percentOf(base, method.value()));
				}
				return pieces;
			}
			long total = eligible.stream().mapToLong(t -> t.left).sum();
			return spread(Math.min(total, percentOf(BigDecimal.valueOf(total), method.value())), eligible);
		}
		long value = method.value().movePointRight(scale).setScale(0, RoundingMode.HALF_UP).longValueExact();
		if (each) {
			for (int i = 0; i < pieces.length; i++) {
				Target t = eligible.get(i);
				long units = method.maxQuantity() == null ? t.quantity : Math.min(t.quantity, method.maxQuantity());
				pieces[i] = BigInteger.valueOf(value).multiply(BigInteger.valueOf(units))
					.min(BigInteger.valueOf(t.left))
					.longValueExact();
			}
			return pieces;
		}
		long total = eligible.stream().mapToLong(t -> t.left).sum();
		return spread(Math.min(value, total), eligible);
	}

	/** Splits {@code amount} (at most the eligible total) in proportion to what is left of each target. */
	private static long[] spread(long amount, List<Target> eligible) {
		long[] pieces = new long[eligible.size()];
		long total = eligible.stream().mapToLong(t -> t.left).sum();
		if (amount <= 0 || total == 0) {
			return pieces;
		}
		long assigned = 0;
		for (int i = 0; i < pieces.length; i++) {
			pieces[i] = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(eligible.get(i).left))
				.divide(BigInteger.valueOf(total))
				.longValueExact();
			assigned += pieces[i];
		}
		long remainder = amount - assigned;
		List<Integer> largestFirst = new ArrayList<>();
		for (int i = 0; i < pieces.length; i++) {
			largestFirst.add(i);
		}
		largestFirst.sort(Comparator.<Integer>comparingLong(i -> eligible.get(i).left).reversed()
			.thenComparing(i -> eligible.get(i).id));
		for (int i : largestFirst) {
			if (remainder == 0) {
				break;
			}
			long room = Math.min(remainder, eligible.get(i).left - pieces[i]);
			pieces[i] += room;
			remainder -= room;
		}
		return pieces;
	}

	private static long percentOf(BigDecimal minorAmount, BigDecimal percent) {
		return minorAmount.multiply(percent).movePointLeft(2).setScale(0, Money.ROUNDING).longValueExact();
	}

	private static long minor(Money amount, int scale) {
		return amount.amount().movePointRight(scale).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
	}

	private static String description(Promotion promotion) {
		if (promotion.method().description() != null && !promotion.method().description().isBlank()) {
			return promotion.method().description();
		}
		return promotion.code() != null ? "Promotion " + promotion.code() : "Automatic promotion";
	}

	/** A line or shipping method being discounted: what is left of it after the promotions so far. */
	private static final class Target {

		final String id;
		final int quantity;
		final DiscountLine line;
		long left;

		Target(String id, int quantity, long left, DiscountLine line) {
			this.id = id;
			this.quantity = quantity;
			this.left = left;
			this.line = line;
		}
	}
}
