package dev.loupe.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact amount of one currency. Arithmetic keeps full precision; {@link #rounded()} applies the currency's
 * minor-unit scale with {@link #ROUNDING}. Mixing currencies throws {@link CurrencyMismatchException}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	/** Half-up is what shoppers and card networks expect for retail prices and taxes. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	/** Codes already parsed, as written ("usd", "USD"): every price and total parses one. */
	private static final ConcurrentHashMap<String, Currency> KNOWN = new ConcurrentHashMap<>();

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.stripTrailingZeros();
		if (amount.scale() < 0) {
			amount = amount.setScale(0);
		}
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), currency(currencyCode));
	}

	public static Money of(BigDecimal amount, String currencyCode) {
		return new Money(amount, currency(currencyCode));
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public static Money zero(String currencyCode) {
		return zero(currency(currencyCode));
	}

	/** An amount in the currency's minor unit (cents for USD, yen for JPY, fils for KWD). */
	public static Money ofMinor(long minorUnits, String currencyCode) {
		Currency currency = currency(currencyCode);
		return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
	}

	/** Parses an ISO 4217 code case-insensitively; unknown codes are invalid data, not a server fault. */
	public static Currency currency(String code) {
		Currency known = code == null ? null : KNOWN.get(code);
		if (known != null) {
			return known;
		}
		if (code == null || !code.matches("[A-Za-z]{3}")) {
			throw LoupeException.invalidData("Invalid currency code: " + code);
		}
		try {
			Currency currency = Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
			if (KNOWN.size() < 1_000) {
				KNOWN.put(code, currency);
			}
			return currency;
		}
		catch (IllegalArgumentException e) {
			throw LoupeException.invalidData("Unknown currency code: " + code);
		}
	}

	/** Number of decimals of the currency's minor unit; currencies without one (e.g. XAU) count as 2. */
	public static int scaleOf(Currency currency) {
		int digits = currency.getDefaultFractionDigits();
		return digits < 0 ? 2 : digits;
	}

	public String currencyCode() {
		return currency.getCurrencyCode();
	}

	/** Lower-case ISO code, as the Store API writes currencies. */
	public String currencyCodeLower() {
		return currency.getCurrencyCode().toLowerCase(java.util.Locale.ROOT);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(long quantity) {
		return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor), currency);
	}

	/** This amount times {@code percent}/100, unrounded. */
	public Money percent(BigDecimal percent) {
		return new Money(amount.multiply(percent).movePointLeft(2), currency);
	}

	public Money negate() {
		return new Money(amount.negate(), currency);
	}

	/** Rounded to the currency's minor unit. */
	public Money rounded() {
		return new Money(amount.setScale(scaleOf(currency), ROUNDING), currency);
	}

	public boolean isRounded() {
		return amount.scale() <= scaleOf(currency);
	}

	/** The rounded amount in minor units, as payment providers want it. */
	public long toMinorUnits() {
		return amount.setScale(scaleOf(currency), ROUNDING).unscaledValue().longValueExact();
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	public Money max(Money other) {
		return compareTo(other) >= 0 ? this : other;
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	/**
	 * Splits this rounded amount into parts proportional to {@code weights}, in minor units, so that the parts add
	 * up exactly to the whole (largest-remainder method). Used to spread an order discount over its lines.
	 */
	public Money[] allocate(long... weights) {
		if (weights.length == 0) {
			throw new IllegalArgumentException("allocate needs at least one weight");
		}
		BigInteger total = BigInteger.ZERO;
		for (long w : weights) {
			if (w < 0) {
				throw new IllegalArgumentException("weights must not be negative");
			}
			total = total.add(BigInteger.valueOf(w));
		}
		int scale = scaleOf(currency);
		BigInteger whole = amount.setScale(scale, ROUNDING).unscaledValue();
		BigInteger[] parts = new BigInteger[weights.length];
		BigInteger[] remainders = new BigInteger[weights.length];
		BigInteger assigned = BigInteger.ZERO;
		for (int i = 0; i < weights.length; i++) {
			if (total.signum() == 0) {
				parts[i] = i == 0 ? whole : BigInteger.ZERO;
				remainders[i] = BigInteger.ZERO;
			}
			else {
				BigInteger[] qr = whole.abs().multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
				parts[i] = qr[0];
				remainders[i] = qr[1];
			}
			assigned = assigned.add(parts[i]);
		}
		if (total.signum() != 0) {
			BigInteger left = whole.abs().subtract(assigned);
			while (left.signum() > 0) {
				int best = 0;
				for (int i = 1; i < remainders.length; i++) {
					if (remainders[i].compareTo(remainders[best]) > 0) {
						best = i;
					}
				}
				parts[best] = parts[best].add(BigInteger.ONE);
				remainders[best] = BigInteger.valueOf(-1);
				left = left.subtract(BigInteger.ONE);
			}
		}
		Money[] result = new Money[weights.length];
		for (int i = 0; i < weights.length; i++) {
			BigInteger part = whole.signum() < 0 && total.signum() != 0 ? parts[i].negate() : parts[i];
			result[i] = new Money(new BigDecimal(part, scale), currency);
		}
		return result;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	/** Equal when the currency and the numeric value are equal (19.9 equals 19.90). */
	@Override
	public boolean equals(Object o) {
		return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros(), currency);
	}

	@Override
	public String toString() {
		return amount.setScale(Math.max(amount.scale(), scaleOf(currency)), ROUNDING).toPlainString() + " "
				+ currency.getCurrencyCode();
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new CurrencyMismatchException(currency, other.currency);
		}
	}
}
