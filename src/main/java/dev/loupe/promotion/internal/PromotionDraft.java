package dev.loupe.promotion.internal;

import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.promotion.ApplicationMethod;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionStatus;
import dev.loupe.promotion.TargetRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A promotion as staff describe it, in the fields of Medusa's {@code AdminCreatePromotion} plus Loupe's
 * {@code starts_at}, {@code ends_at}, {@code is_combinable}, {@code limit_per_customer} and
 * {@code minimum_subtotals}; every rule of a valid promotion is checked here, each refusal naming its field.
 */
public record PromotionDraft(String code, boolean automatic, PromotionStatus status, Instant startsAt, Instant endsAt,
		boolean combinable, boolean taxInclusive, Integer limit, Integer limitPerCustomer, ApplicationMethod.Type type,
		ApplicationMethod.Target target, ApplicationMethod.Allocation allocation, BigDecimal value, Currency currency,
		Integer maxQuantity, String description, List<TargetRule> targetRules, List<Money> minimumSubtotals,
		Map<String, Object> metadata, List<String> customerGroupIds) {

	public static final Set<String> FIELDS = Set.of("code", "is_automatic", "is_tax_inclusive", "type", "status",
			"campaign_id", "campaign", "application_method", "limit", "rules", "metadata", "starts_at", "ends_at",
			"is_combinable", "limit_per_customer", "minimum_subtotals");
	static final Set<String> METHOD_FIELDS = Set.of("description", "value", "currency_code", "max_quantity", "type",
			"target_type", "allocation", "target_rules", "buy_rules", "apply_to_quantity", "buy_rules_min_quantity");
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Reads and checks a whole promotion. */
	public static PromotionDraft read(Input body) {
		body.allow(FIELDS);
		String type = body.text("type", 40);
		if (type != null && !type.equals("standard")) {
			throw body.invalid("type", "must be standard (buy-get promotions are not supported)");
		}
		if (body.raw("campaign_id") != null || body.raw("campaign") != null) {
			throw body.invalid("campaign_id", "is not supported: Loupe has no campaigns; use starts_at, ends_at and limit");
		}
		List<String> groups = customerGroups(body);
		boolean automatic = Boolean.TRUE.equals(body.bool("is_automatic"));
		String code = body.text("code", 200);
		if (code != null) {
			code = code.strip();
		}
		if (code == null || code.isEmpty()) {
			if (!automatic) {
				throw body.invalid("code", "is required unless the promotion is automatic");
			}
			code = null;
		}
		else if (!CODE.matcher(code).matches()) {
			throw body.invalid("code", "must be 1 to 64 letters, digits, '-' or '_'");
		}
		PromotionStatus status = oneOf(body, "status", PromotionStatus.class, PromotionStatus.DRAFT);
		Instant startsAt = body.instant("starts_at");
		Instant endsAt = body.instant("ends_at");
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw body.invalid("ends_at", "must be after starts_at");
		}
		Boolean combinable = body.bool("is_combinable");
		boolean taxInclusive = Boolean.TRUE.equals(body.bool("is_tax_inclusive"));
		Integer limit = body.integer("limit", 1, 1_000_000_000);
		Integer perCustomer = body.integer("limit_per_customer", 1, 1_000_000);
		List<Money> minimums = minimums(body);
		Input method = body.object("application_method");
		if (method == null) {
			throw body.invalid("application_method", "is required");
		}
		PromotionDraft draft = method(method, code, automatic, status, startsAt, endsAt, combinable == null || combinable,
				taxInclusive, limit, perCustomer, minimums, body.metadata("metadata"));
		return new PromotionDraft(draft.code, draft.automatic, draft.status, draft.startsAt, draft.endsAt,
				draft.combinable, draft.taxInclusive, draft.limit, draft.limitPerCustomer, draft.type, draft.target,
				draft.allocation, draft.value, draft.currency, draft.maxQuantity, draft.description, draft.targetRules,
				draft.minimumSubtotals, draft.metadata, groups);
	}

	/**
	 * The customer groups of Medusa's promotion {@code rules}: only {@code customer.groups.id} with operator
	 * {@code in} is supported (targets go in {@code application_method.target_rules}, minimums in
	 * {@code minimum_subtotals}). Whether the groups exist is for the caller to check: this module knows no customers.
	 */
	private static List<String> customerGroups(Input body) {
		List<Input> rules = body.objects("rules", 10);
		List<String> groups = new ArrayList<>();
		if (rules == null) {
			return groups;
		}
		for (int i = 0; i < rules.size(); i++) {
			Input rule = rules.get(i).allow(Set.of("id", "attribute", "operator", "values", "description"));
			String attribute = rule.requiredText("attribute", 100);
			if (!attribute.equals(Promotion.CUSTOMER_GROUPS)) {
				throw rule.invalid("attribute", "must be " + Promotion.CUSTOMER_GROUPS
						+ " (target items with application_method.target_rules, minimums with minimum_subtotals)");
			}
			String operator = rule.text("operator", 10);
			if (operator != null && !operator.equals("in") && !operator.equals("eq")) {
				throw rule.invalid("operator", "must be in");
			}
			List<String> values = rule.texts("values", 100, 100);
			if (values == null || values.isEmpty()) {
				throw rule.invalid("values", "must list at least one customer group id");
			}
			for (int v = 0; v < values.size(); v++) {
				if (!values.get(v).startsWith("cusgroup_")) {
					throw rule.invalid("values[" + v + "]", "must be a customer group id (cusgroup_…)");
				}
				if (!groups.contains(values.get(v))) {
					groups.add(values.get(v));
				}
			}
		}
		return groups;
	}

	private static PromotionDraft method(Input m, String code, boolean automatic, PromotionStatus status,
			Instant startsAt, Instant endsAt, boolean combinable, boolean taxInclusive, Integer limit,
			Integer perCustomer, List<Money> minimums, Map<String, Object> metadata) {
		m.allow(METHOD_FIELDS);
		for (String unsupported : List.of("buy_rules", "apply_to_quantity", "buy_rules_min_quantity")) {
			Object v = m.raw(unsupported);
			if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
				throw m.invalid(unsupported, "is not supported (buy-get promotions are not supported)");
			}
		}
		ApplicationMethod.Type type = oneOf(m, "type", ApplicationMethod.Type.class, null);
		ApplicationMethod.Target target = oneOf(m, "target_type", ApplicationMethod.Target.class, null);
		ApplicationMethod.Allocation allocation = oneOf(m, "allocation", ApplicationMethod.Allocation.class,
				ApplicationMethod.Allocation.ACROSS);
		if (target == ApplicationMethod.Target.ORDER && allocation != ApplicationMethod.Allocation.ACROSS) {
			throw m.invalid("allocation", "must be across when target_type is order");
		}
		BigDecimal value = m.decimal("value");
		if (value == null) {
			throw m.invalid("value", "is required");
		}
		if (value.signum() <= 0) {
			throw m.invalid("value", "must be greater than 0");
		}
		String currencyCode = m.text("currency_code", 10);
		Currency currency = currencyCode == null ? null : currency(m, "currency_code", currencyCode);
		if (type == ApplicationMethod.Type.PERCENTAGE && value.compareTo(HUNDRED) > 0) {
			throw m.invalid("value", "must be at most 100 for a percentage");
		}
		if (type == ApplicationMethod.Type.FIXED) {
			if (currency == null) {
				throw m.invalid("currency_code", "is required for a fixed amount");
			}
			if (value.stripTrailingZeros().scale() > Money.scaleOf(currency)) {
				throw m.invalid("value", "has more decimals than " + currency.getCurrencyCode() + " allows");
			}
		}
		Integer maxQuantity = m.integer("max_quantity", 1, 10_000);
		List<TargetRule> rules = targetRules(m);
		if (!rules.isEmpty() && target != ApplicationMethod.Target.ITEMS) {
			throw m.invalid("target_rules", "are only allowed when target_type is items");
		}
		return new PromotionDraft(code, automatic, status, startsAt, endsAt, combinable, taxInclusive, limit,
				perCustomer, type, target, allocation, value.stripTrailingZeros(), currency, maxQuantity,
				m.text("description", 500), rules, minimums, metadata, List.of());
	}

	private static List<TargetRule> targetRules(Input m) {
		List<Input> given = m.objects("target_rules", 20);
		List<TargetRule> rules = new ArrayList<>();
		if (given == null) {
			return rules;
		}
		for (Input rule : given) {
			rule.allow(Set.of("attribute", "operator", "values", "description", "id"));
			String attribute = rule.requiredText("attribute", 100);
			if (!Set.of(TargetRule.PRODUCT, TargetRule.COLLECTION, TargetRule.CATEGORY).contains(attribute)) {
				throw rule.invalid("attribute", "must be one of " + TargetRule.PRODUCT + ", " + TargetRule.COLLECTION
						+ ", " + TargetRule.CATEGORY);
			}
			String operator = rule.text("operator", 10);
			if (operator == null) {
				operator = "in";
			}
			if (!operator.equals("in") && !operator.equals("eq")) {
				throw rule.invalid("operator", "must be in or eq");
			}
			List<String> values = rule.raw("values") instanceof String
					? List.of(rule.requiredText("values", 100))
					: rule.texts("values", 1000, 100);
			if (values == null || values.isEmpty()) {
				throw rule.invalid("values", "must name at least one id");
			}
			rules.add(new TargetRule(rule.text("id", 100), attribute, operator, values.stream().distinct().toList()));
		}
		return rules;
	}

	private static List<Money> minimums(Input body) {
		List<Input> given = body.objects("minimum_subtotals", 200);
		List<Money> minimums = new ArrayList<>();
		if (given == null) {
			return minimums;
		}
		Set<Currency> seen = new HashSet<>();
		for (Input minimum : given) {
			minimum.allow(Set.of("currency_code", "amount"));
			Currency currency = currency(minimum, "currency_code", minimum.requiredText("currency_code", 10));
			BigDecimal amount = minimum.nonNegative("amount");
			if (amount == null) {
				throw minimum.invalid("amount", "is required");
			}
			if (amount.stripTrailingZeros().scale() > Money.scaleOf(currency)) {
				throw minimum.invalid("amount", "has more decimals than " + currency.getCurrencyCode() + " allows");
			}
			if (!seen.add(currency)) {
				throw minimum.invalid("currency_code", "appears more than once");
			}
			minimums.add(new Money(amount, currency));
		}
		return minimums;
	}

	/** A promotion in the shape {@link #read} takes, so an update is the stored promotion with the changes laid over. */
	public static Map<String, Object> body(Promotion p) {
		Map<String, Object> method = new LinkedHashMap<>();
		ApplicationMethod am = p.method();
		method.put("type", am.type().code());
		method.put("target_type", am.target().code());
		method.put("allocation", am.allocation().code());
		method.put("value", am.value());
		method.put("currency_code", am.currency() == null ? null : am.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
		method.put("max_quantity", am.maxQuantity());
		method.put("description", am.description());
		method.put("target_rules", p.targetRules().stream()
			.map(r -> Map.<String, Object>of("attribute", r.attribute(), "operator", r.operator(), "values", r.values()))
			.toList());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", p.code());
		body.put("is_automatic", p.automatic());
		body.put("is_tax_inclusive", p.taxInclusive());
		body.put("status", p.status().code());
		body.put("starts_at", p.startsAt() == null ? null : p.startsAt().toString());
		body.put("ends_at", p.endsAt() == null ? null : p.endsAt().toString());
		body.put("is_combinable", p.combinable());
		body.put("limit", p.limit());
		body.put("rules", p.customerGroupIds().isEmpty() ? List.of()
				: List.of(Map.of("attribute", Promotion.CUSTOMER_GROUPS, "operator", "in", "values", p.customerGroupIds())));
		body.put("limit_per_customer", p.limitPerCustomer());
		body.put("minimum_subtotals", p.minimumSubtotals().stream()
			.map(m -> Map.<String, Object>of("currency_code", m.currencyCodeLower(), "amount", m.amount()))
			.toList());
		body.put("metadata", p.metadata());
		body.put("application_method", method);
		return body;
	}

	private static Currency currency(Input in, String field, String code) {
		try {
			return Money.currency(code);
		}
		catch (LoupeException invalid) {
			throw in.invalid(field, "must be an ISO 4217 currency code");
		}
	}

	private static <E extends Enum<E>> E oneOf(Input in, String field, Class<E> type, E fallback) {
		String value = in.text(field, 40);
		List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
			.map(e -> e.name().toLowerCase(Locale.ROOT))
			.toList();
		if (value == null) {
			if (fallback == null) {
				throw in.invalid(field, "is required: one of " + allowed);
			}
			return fallback;
		}
		if (!allowed.contains(value)) {
			throw in.invalid(field, "must be one of " + allowed);
		}
		return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
	}
}
