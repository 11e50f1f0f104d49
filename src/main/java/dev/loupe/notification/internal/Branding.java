package dev.loupe.notification.internal;

import dev.loupe.platform.Money;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The store as its emails show it: name, colour, and how money and dates are written for its shoppers. Templates
 * format through it, so every email writes {@code $26.80}, {@code 11,90 €} or {@code ¥1,500} the same way.
 */
public record Branding(String storeName, String color, Locale locale, ZoneId zone, String baseUrl) {

	/** An amount in the locale's style with the currency's own number of decimals (none for JPY). */
	public String money(Money money) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(money.currency());
		int scale = Money.scaleOf(money.currency());
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		format.setRoundingMode(Money.ROUNDING);
		return format.format(money.amount());
	}

	/** A day in the store's time zone, written out in the locale's long style. */
	public String date(Instant instant) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(instant);
	}

	/** How long a link stays valid, in words: "15 minutes", "24 hours", "7 days". */
	public String duration(Duration d) {
		if (d.toDays() > 1 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
			return d.toDays() + " days";
		}
		if (d.toHours() > 0 && d.toMinutesPart() == 0) {
			return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
		}
		return d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
	}

	/** An absolute link into the store. */
	public String link(String path) {
		return baseUrl + path;
	}
}
