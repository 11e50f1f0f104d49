package dev.loupe.backoffice.web;

import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How the back office writes amounts, times and statuses (times in UTC, the store's reporting zone). */
public final class Format {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
	private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£");

	private Format() {
	}

	/** {@code $1,234.50}, {@code €9.00}, or {@code 12.00 CHF} for currencies without a symbol here. */
	public static String money(Money money) {
		if (money == null) {
			return "—";
		}
		String code = money.currency().getCurrencyCode();
		int scale = Math.max(0, money.currency().getDefaultFractionDigits());
		String number = number(money.amount().setScale(scale, RoundingMode.HALF_UP), scale);
		String symbol = SYMBOLS.get(code);
		boolean negative = number.startsWith("-");
		String digits = negative ? number.substring(1) : number;
		return (negative ? "−" : "") + (symbol == null ? digits + " " + code : symbol + digits);
	}

	/** {@code $}, or the code and a space for currencies without a symbol here. */
	public static String symbol(String currencyCode) {
		return SYMBOLS.getOrDefault(currencyCode, currencyCode + " ");
	}

	/** The plain amount for a form field: {@code 1234.50}. */
	public static String plain(Money money) {
		return money.amount().setScale(Math.max(0, money.currency().getDefaultFractionDigits()), RoundingMode.HALF_UP)
			.toPlainString();
	}

	public static String number(long value) {
		return number(BigDecimal.valueOf(value), 0);
	}

	private static String number(BigDecimal value, int scale) {
		DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
				DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(value);
	}

	public static String percent(double ratio) {
		return BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	public static String dateTime(Instant instant) {
		return instant == null ? "—" : DATE_TIME.format(instant);
	}

	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	public static String day(LocalDate date) {
		return DAY.format(date);
	}

	/** {@code not_fulfilled} → {@code Not fulfilled}. */
	public static String label(String wire) {
		if (wire == null || wire.isEmpty()) {
			return "—";
		}
		String words = wire.replace('_', ' ').replace('.', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The colour of a status badge: green when done, amber when waiting, red when stopped, grey otherwise. */
	public static String tone(String wire) {
		if (wire == null) {
			return "neutral";
		}
		return switch (wire) {
			case "completed", "captured", "fulfilled", "shipped", "delivered", "sent", "succeeded", "published", "processed" -> "success";
			case "pending", "authorized", "awaiting", "not_fulfilled", "partially_fulfilled", "partially_captured",
					"partially_shipped", "partially_delivered", "outbox", "requires_action", "proposed" -> "warning";
			case "canceled", "failed", "refunded", "rejected", "dead" -> "danger";
			case "partially_refunded" -> "info";
			default -> "neutral";
		};
	}
}
