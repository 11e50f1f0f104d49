package dev.loupe.cart.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartAddress;
import dev.loupe.cart.CartAdjustment;
import dev.loupe.cart.CartPromotion;
import dev.loupe.cart.CartShippingMethod;
import dev.loupe.cart.CartTotals;
import dev.loupe.cart.LineItem;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.SellableVariant;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.fulfillment.ShippedItem;
import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.fulfillment.ShippingOffer;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.market.Region;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.CalculatedPrice;
import dev.loupe.pricing.PriceCalculator;
import dev.loupe.pricing.PriceContext;
import dev.loupe.promotion.Adjustment;
import dev.loupe.promotion.DiscountContext;
import dev.loupe.promotion.DiscountLine;
import dev.loupe.promotion.DiscountShipping;
import dev.loupe.promotion.Discounts;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionCalculator;
import dev.loupe.promotion.Promotions;
import dev.loupe.tax.TaxRate;
import dev.loupe.tax.TaxRates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Prices a cart: unit prices from the price calculator in the cart's region, the shipping method's price from its
 * option, the discounts of the cart's promotions (automatic first, then codes in the order applied), and the taxes of
 * the shipping address's place on lines and shipping alike. {@link #refresh} stores what changed (and drops a
 * shipping method or code that is no longer valid) and is called under the cart's lock on every change;
 * {@link #read} only reads.
 * <p>
 * The shipping price sees the item amounts before discounts (so a free-over threshold does not flip as a discount
 * is applied), and discounts are taken off in each line's tax basis before the tax is computed.
 */
@Component
public class CartPricing {

	private final CartRows rows;
	private final CartExtrasRows extras;
	private final ProductQueries products;
	private final PriceCalculator prices;
	private final ShippingOptions shipping;
	private final Promotions promotions;
	private final TaxRates taxRates;
	private final Clock clock;
	private final CustomerGroups groups;

	CartPricing(CartRows rows, CartExtrasRows extras, ProductQueries products, PriceCalculator prices,
			ShippingOptions shipping, Promotions promotions, TaxRates taxRates, Clock clock, CustomerGroups groups) {
		this.rows = rows;
		this.extras = extras;
		this.products = products;
		this.prices = prices;
		this.shipping = shipping;
		this.promotions = promotions;
		this.taxRates = taxRates;
		this.clock = clock;
		this.groups = groups;
	}

	/** Re-prices every line, re-quotes the shipping method and re-checks the codes, stores changes, reads the cart. */
	public Cart refresh(CartRow row, Region region) {
		return refresh(row, region, true);
	}

	/**
	 * As {@link #refresh(CartRow, Region)}; with {@code dropInvalidCodes} false a code that is no longer valid stays
	 * on the cart (without discounting), so that a completion can refuse naming it instead of charging more silently.
	 */
	public Cart refresh(CartRow row, Region region, boolean dropInvalidCodes) {
		return refresh(row, region, dropInvalidCodes, Known.NOTHING);
	}

	/**
	 * As {@link #refresh(CartRow, Region)}, with the variants and prices the caller has just read in this transaction
	 * (adding a line reads them for every line of the cart): they are not read again.
	 */
	public Cart refresh(CartRow row, Region region, Known known) {
		return refresh(row, region, true, known);
	}

	private Cart refresh(CartRow row, Region region, boolean dropInvalidCodes, Known known) {
		// Each row is read once; what this method changes is applied to the rows in memory as well.
		List<LineItem> stored = rows.lines(row.id(), row.currencyCode());
		List<String> variantIds = stored.stream().map(LineItem::variantId).toList();
		Map<String, CalculatedPrice> current = known.prices().keySet().containsAll(variantIds) ? known.prices()
				: priceOf(variantIds, region);
		List<LineItem> lines = new ArrayList<>(stored.size());
		for (LineItem line : stored) {
			CalculatedPrice price = current.get(line.variantId());
			Money unitPrice = Money.of(price.calculated().amount(), row.currencyCode());
			if (unitPrice.compareTo(line.unitPrice()) != 0 || price.taxInclusive() != line.taxInclusive()) {
				rows.setPrice(line.id(), price.calculated().amount(), price.taxInclusive());
				line = line.withPrice(unitPrice, price.taxInclusive(), clock.instant());
			}
			lines.add(line);
		}
		Map<String, SellableVariant> variants = known.variants().keySet().containsAll(variantIds) ? known.variants()
				: variants(row, lines);
		List<CartShippingMethod> methods = new ArrayList<>(extras.shippingMethods(row.id(), row.currencyCode()));
		if (!methods.isEmpty()) {
			// Not quote(): its refusal would mark this transaction rollback-only; an option no longer offered is dropped.
			List<ShippingOffer> offers = shipping.available(shippingContext(row, region, lines, variants));
			methods.replaceAll(method -> offers.stream()
				.filter(o -> o.optionId().equals(method.optionId()) && o.amount() != null)
				.findFirst()
				.map(o -> {
					if (o.amount().compareTo(method.amount()) == 0 && o.taxInclusive() == method.taxInclusive()) {
						return method;
					}
					extras.setShippingPrice(method.id(), o.amount(), o.taxInclusive());
					return new CartShippingMethod(method.id(), method.optionId(), method.name(), o.amount(),
							o.taxInclusive(), method.data(), method.createdAt(), clock.instant());
				})
				.orElseGet(() -> {
					extras.deleteShippingMethod(method.id());
					return null;
				}));
			methods.removeIf(java.util.Objects::isNull);
		}
		Currency currency = Money.currency(row.currencyCode());
		List<CartExtrasRows.AppliedCode> codes = extras.codes(row.id());
		List<Promotion> usable = promotions.usable(codes.stream().map(CartExtrasRows.AppliedCode::promotionId).toList(),
				clock.instant(), currency);
		if (dropInvalidCodes) {
			List<String> ids = usable.stream().map(Promotion::id).toList();
			codes.stream().filter(c -> !ids.contains(c.promotionId()))
				.forEach(c -> extras.removeCode(row.id(), c.promotionId()));
		}
		return assemble(row, region, lines, variants, methods, usable);
	}

	/** The ids of the customer groups of the cart's customer (none for a guest), for promotions limited to groups. */
	public List<String> customerGroups(CartRow row) {
		return groups.groupIdsOf(row.customerId());
	}

	/** The cart as stored, with its totals. */
	public Cart read(CartRow row, Region region) {
		List<LineItem> lines = rows.lines(row.id(), row.currencyCode());
		// A code that expired or was used up since it was applied no longer discounts; the next change removes it.
		List<Promotion> usable = promotions.usable(extras.codes(row.id()).stream()
			.map(CartExtrasRows.AppliedCode::promotionId)
			.toList(), clock.instant(), Money.currency(row.currencyCode()));
		return assemble(row, region, lines, variants(row, lines), extras.shippingMethods(row.id(), row.currencyCode()),
				usable);
	}

	/** Where and what the cart ships, for pricing shipping options. */
	public ShippingContext shippingContext(CartRow row, Region region, List<LineItem> lines,
			Map<String, SellableVariant> variants) {
		Money subtotal = Money.zero(row.currencyCode());
		List<ShippedItem> items = new ArrayList<>();
		for (LineItem line : lines) {
			subtotal = subtotal.plus(amount(line));
			SellableVariant v = variants.get(line.variantId());
			items.add(new ShippedItem(line.variantId(), line.quantity(), v == null ? null : v.weightGrams(),
					line.requiresShipping()));
		}
		CartAddress to = row.shippingAddress();
		return new ShippingContext(region.id(), row.currencyCode(), to == null ? null : to.countryCode(),
				to == null ? null : to.province(), to == null ? null : to.postalCode(), subtotal, items);
	}

	/** The cart's lines as stored. */
	public List<LineItem> lines(CartRow row) {
		return rows.lines(row.id(), row.currencyCode());
	}

	/** The variants of these lines of the cart, as a {@link Known} without prices. */
	public Known contents(CartRow row, List<LineItem> lines) {
		return new Known(variants(row, lines), Map.of());
	}

	/** The shipping context of a stored cart. */
	public ShippingContext shippingContext(CartRow row, Region region) {
		List<LineItem> lines = rows.lines(row.id(), row.currencyCode());
		return shippingContext(row, region, lines, variants(row, lines));
	}

	private Cart assemble(CartRow row, Region region, List<LineItem> lines, Map<String, SellableVariant> variants,
			List<CartShippingMethod> methods, List<Promotion> codes) {
		Currency currency = Money.currency(row.currencyCode());
		CartAddress to = row.shippingAddress();
		List<TaxRate> rates = to == null || !region.automaticTaxes() ? List.of()
				: taxRates.applicable(region.id(), to.countryCode(), to.province());

		List<Promotion> applied = new ArrayList<>(promotions.automatic(clock.instant(), currency));
		List<CartPromotion> shown = new ArrayList<>();
		applied.forEach(p -> shown.add(cartPromotion(p)));
		for (Promotion p : codes) {
			applied.add(p);
			shown.add(cartPromotion(p));
		}
		Discounts discounts = PromotionCalculator.calculate(new DiscountContext(currency, lines.stream()
			.map(l -> {
				SellableVariant v = variants.get(l.variantId());
				return new DiscountLine(l.id(), l.productId(), v == null ? null : v.collectionId(),
						v == null ? List.of() : v.categoryIds(), l.quantity(), amount(l), l.discountable());
			})
			.toList(), methods.stream().map(m -> new DiscountShipping(m.id(), m.amount())).toList(), row.customerId(),
				customerGroups(row)),
				applied);
		Map<String, Money> off = new HashMap<>();
		List<CartAdjustment> adjustments = new ArrayList<>();
		for (List<Adjustment> list : List.of(discounts.lineAdjustments(), discounts.shippingAdjustments())) {
			for (Adjustment a : list) {
				off.merge(a.targetId(), a.amount(), Money::plus);
				adjustments.add(new CartAdjustment(adjustmentId(a), a.targetId(), a.promotionId(), a.code(), a.amount(),
						a.description()));
			}
		}
		CartTotals totals = CartTotals.calculate(currency,
				lines.stream()
					.map(l -> new CartTotals.PricedLine(l.id(), l.unitPrice(), l.quantity(), l.taxInclusive(), rates,
							off.get(l.id())))
					.toList(),
				methods.stream()
					.map(m -> new CartTotals.PricedShipping(m.id(), m.amount(), m.taxInclusive(), rates, off.get(m.id())))
					.toList());
		return new Cart(row.id(), region, row.currencyCode(), row.salesChannelId(), row.customerId(), row.email(), to,
				row.billingAddress(), row.metadata(), lines, methods, List.copyOf(shown), List.copyOf(adjustments),
				totals, row.completedAt(), row.createdAt(), row.updatedAt());
	}

	/** Adjustments are computed, not stored: their id is stable for a target and promotion. */
	private static String adjustmentId(Adjustment a) {
		return "caadj_" + Integer.toUnsignedString((a.targetId() + "/" + a.promotionId()).hashCode(), 36);
	}

	private static CartPromotion cartPromotion(Promotion p) {
		return new CartPromotion(p.id(), p.code(), p.automatic(), p.method().type().code(), p.method().value(),
				p.method().currency() == null ? null : p.method().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
	}

	private Map<String, SellableVariant> variants(CartRow row, List<LineItem> lines) {
		return lines.isEmpty() ? Map.of()
				: products.sellableVariants(lines.stream().map(LineItem::variantId).toList(), List.of(row.salesChannelId()));
	}

	private static Money amount(LineItem line) {
		return new CartTotals.PricedLine(line.id(), line.unitPrice(), line.quantity(), line.taxInclusive(), List.of())
			.amount();
	}

	/** Variants and their current prices read earlier in the same transaction, by variant id. */
	public record Known(Map<String, SellableVariant> variants, Map<String, CalculatedPrice> prices) {

		static final Known NOTHING = new Known(Map.of(), Map.of());
	}

	/** Current prices of these variants in the region; a variant without one is refused. */
	public Map<String, CalculatedPrice> priceOf(List<String> variantIds, Region region) {
		Map<String, CalculatedPrice> found = prices.calculate(variantIds, new PriceContext(region.currencyCode(),
				region.id(), region.taxInclusive(), clock.instant()));
		List<String> missing = variantIds.stream().filter(v -> !found.containsKey(v)).distinct().toList();
		if (!missing.isEmpty()) {
			throw LoupeException.invalidData("Variants with IDs " + String.join(", ", missing) + " do not have a price in "
					+ region.currencyCode().toLowerCase(Locale.ROOT) + " (region " + region.name() + ")");
		}
		return found;
	}
}
