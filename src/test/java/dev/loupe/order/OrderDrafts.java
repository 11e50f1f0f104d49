package dev.loupe.order;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Drafts as the checkout would build them, with amounts worked out by hand. The US draft: 2 × 19.99 USD plus 7.25 %
 * sales tax (39.98 + 2.90, less a 2.00 discount on the line that takes 0.15 of tax with it: 37.98 + 2.75 = 40.73),
 * shipped for 5.00 + 0.36 tax; the order total is 46.09. The Japanese draft: 3 × 1,200 JPY with 10 % consumption tax
 * included (3,273 + 327 = 3,600), shipped for free.
 */
public final class OrderDrafts {

	private OrderDrafts() {
	}

	public static OrderAddress address(String street) {
		return new OrderAddress("Ada", "Lovelace", "+1 555 0100", "Engines Ltd", street, "Floor 2", "Springfield", "us",
				"IL", "62701", Map.of("door", "blue"));
	}

	/** The US draft for a new cart. */
	public static OrderDraft us(String salesChannelId, String customerId, String email) {
		return us(Ids.next("cart"), salesChannelId, customerId, email);
	}

	public static OrderDraft us(String cartId, String salesChannelId, String customerId, String email) {
		OrderTaxLine lineTax = new OrderTaxLine("txr_us", "US-SALES", "US sales tax", new BigDecimal("7.25"),
				usd("2.75"));
		OrderAdjustment discount = new OrderAdjustment("promo_1", "SAVE2", usd("2.00"), "Two off");
		OrderLineDraft lamp = new OrderLineDraft(Ids.next("variant"), Ids.next("prod"), "Lamp", "Red",
				"/files/lamp.png", "Lamp", "lamp", "Red", "LAMP-R", 2, usd("19.99"), false, true, true, List.of(lineTax),
				List.of(discount), new OrderAmounts(usd("39.98"), usd("2.90"), usd("42.88"), usd("37.98"), usd("2.75"),
						usd("2.00"), usd("0.15"), usd("40.73")),
				Map.of("gift", true));
		OrderTaxLine shippingTax = new OrderTaxLine("txr_us", "US-SALES", "US sales tax", new BigDecimal("7.25"),
				usd("0.36"));
		OrderShippingDraft standard = new OrderShippingDraft("so_standard", "Standard", usd("5"), false,
				List.of(shippingTax), List.of(), new OrderAmounts(usd("5"), usd("0.36"), usd("5.36"), usd("5"), usd("0.36"),
						usd("0"), usd("0"), usd("5.36")),
				Map.of("carrier", "post"));
		OrderTotals totals = new OrderTotals(usd("37.98"), usd("2.75"), usd("40.73"), usd("39.98"), usd("2.90"),
				usd("42.88"), usd("5"), usd("0.36"), usd("5.36"), usd("5"), usd("0.36"), usd("5.36"), usd("2.00"),
				usd("0.15"), usd("42.98"), usd("3.11"), usd("46.09"), usd("44.98"), usd("3.26"), usd("48.24"));
		return new OrderDraft(Ids.next("order"), cartId, "reg_us", "usd", salesChannelId, customerId, email,
				address("1 Main Street"), address("9 Billing Road"), List.of(lamp), List.of(standard), List.of("SAVE2"),
				totals, Ids.next("pay_col"), "authorized", Map.of("source", "test"));
	}

	/** The Japanese draft: whole yen, tax included, no shipping method, no addresses. */
	public static OrderDraft jpy(String salesChannelId, String customerId, String email) {
		OrderTaxLine tax = new OrderTaxLine("txr_jp", "JP-CT", "Consumption tax", new BigDecimal("10"), yen("327"));
		OrderLineDraft teapot = new OrderLineDraft(Ids.next("variant"), Ids.next("prod"), "Teapot", null, null,
				"Teapot", "teapot", "Iron", null, 3, yen("1200"), true, true, true, List.of(tax), List.of(),
				new OrderAmounts(yen("3273"), yen("327"), yen("3600"), yen("3273"), yen("327"), yen("0"), yen("0"),
						yen("3600")),
				null);
		OrderTotals totals = new OrderTotals(yen("3273"), yen("327"), yen("3600"), yen("3273"), yen("327"), yen("3600"),
				yen("0"), yen("0"), yen("0"), yen("0"), yen("0"), yen("0"), yen("0"), yen("0"), yen("3273"), yen("327"),
				yen("3600"), yen("3273"), yen("327"), yen("3600"));
		return new OrderDraft(Ids.next("order"), Ids.next("cart"), "reg_jp", "jpy", salesChannelId, customerId, email,
				null, null, List.of(teapot), List.of(), List.of(), totals, null, "captured", null);
	}

	/** A draft whose every amount is a different whole number of minor units near {@code minor}. */
	public static OrderDraft uniform(String currency, long minor, int quantity, String salesChannelId) {
		Money[] m = new Money[30];
		for (int i = 0; i < m.length; i++) {
			m[i] = Money.ofMinor(minor + i, currency);
		}
		OrderTaxLine tax = new OrderTaxLine("txr_x", "X", "Tax", new BigDecimal("12.345"), m[28]);
		OrderLineDraft line = new OrderLineDraft(Ids.next("variant"), Ids.next("prod"), "Thing", null, null, "Thing",
				"thing", null, null, quantity, m[29], false, true, true, List.of(tax), List.of(),
				new OrderAmounts(m[20], m[21], m[22], m[23], m[24], m[25], m[26], m[27]), null);
		OrderTotals totals = new OrderTotals(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11],
				m[12], m[13], m[14], m[15], m[16], m[17], m[18], m[19]);
		return new OrderDraft(Ids.next("order"), Ids.next("cart"), "reg_x", currency.toLowerCase(java.util.Locale.ROOT),
				salesChannelId, null, null, null, null, List.of(line), List.of(), List.of(), totals, null, "not_paid", null);
	}

	public static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	public static Money yen(String amount) {
		return Money.of(amount, "JPY");
	}
}
