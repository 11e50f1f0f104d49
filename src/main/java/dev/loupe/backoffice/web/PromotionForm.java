package dev.loupe.backoffice.web;

import dev.loupe.promotion.ApplicationMethod;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.TargetRule;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The promotion form's fields as typed (strings, so a refused form comes back as it was entered). Dates are days in
 * UTC: a promotion starts at the start of its first day and ends after its last day. An automatic promotion has no
 * code and applies to every eligible cart. {@code targetBy} is {@code product}, {@code collection} or
 * {@code category} (or empty: every item), {@code targetValues} their handles separated by commas;
 * {@code groupIds} the customer groups the promotion is limited to (none: everyone).
 */
public record PromotionForm(String code, String status, String type, String target, String value, String currency,
		String minimum, String limit, String limitPerCustomer, String startsOn, String endsOn, boolean combinable,
		boolean automatic, String targetBy, String targetValues, List<String> groupIds) {

	public PromotionForm {
		groupIds = List.copyOf(groupIds);
	}

	static PromotionForm empty() {
		return new PromotionForm("", "active", "percentage", "order", "", "usd", "", "", "", "", "", false, false, "", "",
				List.of());
	}

	static PromotionForm of(Map<String, String> form) {
		return new PromotionForm(field(form, "code"), field(form, "status"), field(form, "type"), field(form, "target"),
				field(form, "value"), field(form, "currency_code").toLowerCase(Locale.ROOT), field(form, "minimum"),
				field(form, "limit"), field(form, "limit_per_customer"), field(form, "starts_on"), field(form, "ends_on"),
				"on".equals(form.get("is_combinable")), "automatic".equals(form.get("kind")), field(form, "target_by"),
				form.getOrDefault("target_values", "").length() > 4000 ? form.get("target_values").substring(0, 4000)
						: form.getOrDefault("target_values", "").strip(),
				form.entrySet().stream()
					.filter(e -> e.getKey().startsWith("group_") && "on".equals(e.getValue()))
					.map(e -> e.getKey().substring("group_".length()))
					.limit(100)
					.toList());
	}

	/** The stored promotion as the form shows it; {@code targetHandles} are the handles of its target rule's values. */
	static PromotionForm of(Promotion p, List<String> targetHandles) {
		ApplicationMethod m = p.method();
		String currency = m.currency() != null ? m.currency().getCurrencyCode().toLowerCase(Locale.ROOT)
				: p.minimumSubtotals().isEmpty() ? "usd" : p.minimumSubtotals().getFirst().currencyCodeLower();
		String minimum = p.minimumSubtotals().stream().filter(s -> s.currencyCodeLower().equals(currency)).findFirst()
			.map(s -> s.amount().toPlainString()).orElse("");
		String by = p.targetRules().isEmpty() ? "" : switch (p.targetRules().getFirst().attribute()) {
			case TargetRule.PRODUCT -> "product";
			case TargetRule.COLLECTION -> "collection";
			case TargetRule.CATEGORY -> "category";
			default -> "";
		};
		return new PromotionForm(p.code() == null ? "" : p.code(), p.status().code(), m.type().code(), m.target().code(),
				m.value().stripTrailingZeros().toPlainString(), currency, minimum,
				p.limit() == null ? "" : String.valueOf(p.limit()),
				p.limitPerCustomer() == null ? "" : String.valueOf(p.limitPerCustomer()),
				p.startsAt() == null ? "" : LocalDate.ofInstant(p.startsAt(), ZoneOffset.UTC).toString(),
				p.endsAt() == null ? "" : LocalDate.ofInstant(p.endsAt().minusSeconds(1), ZoneOffset.UTC).toString(),
				p.combinable(), p.automatic(), by, String.join(", ", targetHandles), p.customerGroupIds());
	}

	private static String field(Map<String, String> form, String name) {
		String v = form.getOrDefault(name, "");
		return v.length() > 300 ? v.substring(0, 300) : v.strip();
	}
}
