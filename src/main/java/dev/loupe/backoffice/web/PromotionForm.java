package dev.loupe.backoffice.web;

import dev.loupe.promotion.ApplicationMethod;
import dev.loupe.promotion.Promotion;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The promotion form's fields as typed (strings, so a refused form comes back as it was entered). Dates are days in
 * UTC: a promotion starts at the start of its first day and ends after its last day.
 */
public record PromotionForm(String code, String status, String type, String target, String value, String currency,
		String minimum, String limit, String limitPerCustomer, String startsOn, String endsOn, boolean combinable) {

	static PromotionForm empty() {
		return new PromotionForm("", "active", "percentage", "order", "", "usd", "", "", "", "", "", false);
	}

	static PromotionForm of(Map<String, String> form) {
		return new PromotionForm(field(form, "code"), field(form, "status"), field(form, "type"), field(form, "target"),
				field(form, "value"), field(form, "currency_code").toLowerCase(Locale.ROOT), field(form, "minimum"),
				field(form, "limit"), field(form, "limit_per_customer"), field(form, "starts_on"), field(form, "ends_on"),
				"on".equals(form.get("is_combinable")));
	}

	static PromotionForm of(Promotion p) {
		ApplicationMethod m = p.method();
		String currency = m.currency() != null ? m.currency().getCurrencyCode().toLowerCase(Locale.ROOT)
				: p.minimumSubtotals().isEmpty() ? "usd" : p.minimumSubtotals().getFirst().currencyCodeLower();
		String minimum = p.minimumSubtotals().stream().filter(s -> s.currencyCodeLower().equals(currency)).findFirst()
			.map(s -> s.amount().toPlainString()).orElse("");
		return new PromotionForm(p.code() == null ? "" : p.code(), p.status().code(), m.type().code(), m.target().code(),
				m.value().stripTrailingZeros().toPlainString(), currency, minimum,
				p.limit() == null ? "" : String.valueOf(p.limit()),
				p.limitPerCustomer() == null ? "" : String.valueOf(p.limitPerCustomer()),
				p.startsAt() == null ? "" : LocalDate.ofInstant(p.startsAt(), ZoneOffset.UTC).toString(),
				p.endsAt() == null ? "" : LocalDate.ofInstant(p.endsAt().minusSeconds(1), ZoneOffset.UTC).toString(),
				p.combinable());
	}

	private static String field(Map<String, String> form, String name) {
		String v = form.getOrDefault(name, "");
		return v.length() > 300 ? v.substring(0, 300) : v.strip();
	}
}
