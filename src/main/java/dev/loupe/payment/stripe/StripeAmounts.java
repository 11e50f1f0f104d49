package dev.loupe.payment.stripe;

import dev.loupe.payment.PaymentProviderException;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Amounts as Stripe writes them: integers in the currency's smallest unit as Stripe defines it, which is not always
 * ISO 4217's. Zero-decimal currencies (JPY, KRW…) are whole units; three-decimal currencies (KWD, BHD…) are
 * thousandths whose last digit must be 0; ISK and UGX are zero-decimal in ISO but two-decimal at Stripe (amounts
 * must be whole units, written ×100). See Stripe's "Supported currencies".
 */
final class StripeAmounts {

	static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF",
			"VND", "VUV", "XAF", "XOF", "XPF");
	static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
	static final Set<String> WHOLE_BUT_TWO_DECIMAL = Set.of("ISK", "UGX");

	private StripeAmounts() {
	}

	static int decimals(String currencyCode) {
		String code = currencyCode.toUpperCase(Locale.ROOT);
		if (ZERO_DECIMAL.contains(code)) {
			return 0;
		}
		if (THREE_DECIMAL.contains(code)) {
			return 3;
		}
		return 2;
	}

	/**
	 * The amount in Stripe's unit. An amount Stripe cannot charge exactly is a provider failure (never a silent
	 * rounding), which callers answer as they answer Stripe refusing it.
	 */
	static long toStripe(Money money) {
		String code = money.currencyCode();
		BigDecimal amount = money.amount();
		if (WHOLE_BUT_TWO_DECIMAL.contains(code) && amount.stripTrailingZeros().scale() > 0) {
			throw new PaymentProviderException("Stripe charges " + code + " in whole units only, not " + money);
		}
		BigDecimal scaled = amount.movePointRight(decimals(code));
		try {
			long value = scaled.longValueExact();
			if (THREE_DECIMAL.contains(code) && value % 10 != 0) {
				throw new PaymentProviderException("Stripe charges " + code + " in multiples of 0.010, not " + money);
			}
			return value;
		}
		catch (ArithmeticException e) {
			throw new PaymentProviderException("Stripe cannot charge " + money + " exactly");
		}
	}

	/** An amount Stripe wrote, in {@code currency} (Stripe writes it lower-case). */
	static Money fromStripe(long amount, String currency) {
		String code = currency.toUpperCase(Locale.ROOT);
		return new Money(BigDecimal.valueOf(amount, decimals(code)), Money.currency(code)).rounded();
	}
}
