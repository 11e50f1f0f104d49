package dev.loupe.promotion;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A promotion: a code a shopper enters (or none, when it applies automatically), when it is valid, how it
 * discounts ({@link ApplicationMethod}), which items it targets, the item subtotal it needs per currency, whether it
 * stacks with others and how often it may be used.
 */
public record Promotion(String id, String code, boolean automatic, PromotionStatus status, Instant startsAt,
		Instant endsAt, ApplicationMethod method, List<TargetRule> targetRules, List<Money> minimumSubtotals,
		boolean combinable, boolean taxInclusive, Integer limit, int used, Integer limitPerCustomer,
		Map<String, Object> metadata, Instant createdAt, Instant updatedAt, List<String> customerGroupIds) {

	/** The rule attribute of a limit to customer groups (operator {@code in}), as in Medusa. */
	public static final String CUSTOMER_GROUPS = "customer.groups.id";

	public Promotion {
		targetRules = List.copyOf(targetRules);
		minimumSubtotals = List.copyOf(minimumSubtotals);
		customerGroupIds = customerGroupIds == null ? List.of() : List.copyOf(customerGroupIds);
	}

	/** A promotion open to every shopper. */
	public Promotion(String id, String code, boolean automatic, PromotionStatus status, Instant startsAt,
			Instant endsAt, ApplicationMethod method, List<TargetRule> targetRules, List<Money> minimumSubtotals,
			boolean combinable, boolean taxInclusive, Integer limit, int used, Integer limitPerCustomer,
			Map<String, Object> metadata, Instant createdAt, Instant updatedAt) {
		this(id, code, automatic, status, startsAt, endsAt, method, targetRules, minimumSubtotals, combinable,
				taxInclusive, limit, used, limitPerCustomer, metadata, createdAt, updatedAt, List.of());
	}

	/**
	 * True when a shopper in these groups may have the promotion: always when it is not limited to groups, otherwise
	 * only when the shopper is in one of them (a guest is in none).
	 */
	public boolean openTo(List<String> shopperGroupIds) {
		return customerGroupIds.isEmpty() || shopperGroupIds.stream().anyMatch(customerGroupIds::contains);
	}

	/** The code, or the id of a promotion without one: how messages and adjustments name it. */
	public String name() {
		return code != null ? code : id;
	}

	/** True when the line is one this promotion's target rules allow (all rules must hold). */
	public boolean targets(DiscountLine line) {
		return targetRules.stream().allMatch(rule -> rule.matches(line));
	}

	/** The minimum discountable item subtotal in this currency, if the promotion sets minimums. */
	public Optional<Money> minimumSubtotal(Currency currency) {
		return minimumSubtotals.stream().filter(m -> m.currency().equals(currency)).findFirst();
	}

	/**
	 * Whether the promotion can apply to a cart in this currency: a fixed amount only in its own currency, and a
	 * promotion with minimum subtotals only in the currencies that have one.
	 */
	public boolean availableIn(Currency currency) {
		if (method.type() == ApplicationMethod.Type.FIXED && !method.currency().equals(currency)) {
			return false;
		}
		return minimumSubtotals.isEmpty() || minimumSubtotal(currency).isPresent();
	}

	/** Active and inside its validity window at {@code now} (start inclusive, end exclusive). */
	public boolean liveAt(Instant now) {
		return status == PromotionStatus.ACTIVE && (startsAt == null || !now.isBefore(startsAt))
				&& (endsAt == null || now.isBefore(endsAt));
	}

	/** True when the total usage limit has been reached. */
	public boolean usedUp() {
		return limit != null && used >= limit;
	}
}
