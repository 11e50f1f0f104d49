package dev.loupe.storefront.web;

import dev.loupe.platform.Money;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the storefront writes money and amounts for people. */
public final class Formats {

	private Formats() {
	}

	/** {@code $19.99}, {@code €11.90}, {@code £8.00}; other currencies as {@code CHF 12.00}. */
	public static String money(Money money) {
		if (money == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
		format.setRoundingMode(RoundingMode.HALF_UP);
		String amount = format.format(money.amount().abs());
		String sign = money.isNegative() ? "−" : "";
		return sign + switch (money.currencyCode()) {
			case "USD" -> "$" + amount;
			case "EUR" -> "€" + amount;
			case "GBP" -> "£" + amount;
			default -> money.currencyCode() + " " + amount;
		};
	}

	/** The symbol a currency selector shows. */
	public static String symbol(String currencyCode) {
		return switch (currencyCode.toUpperCase(Locale.ROOT)) {
			case "USD" -> "$";
			case "EUR" -> "€";
			case "GBP" -> "£";
			default -> currencyCode.toUpperCase(Locale.ROOT);
		};
	}

	/** Plain text of a bounded length with control characters removed, for echoing input back. */
	public static String clean(String text, int max) {
		if (text == null) {
			return null;
		}
		String s = text.replaceAll("\\p{Cntrl}", "").strip();
		return s.length() > max ? s.substring(0, max) : s;
	}
}
