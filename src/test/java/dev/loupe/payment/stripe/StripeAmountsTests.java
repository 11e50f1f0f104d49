package dev.loupe.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.payment.PaymentProviderException;
import dev.loupe.platform.Money;
import org.junit.jupiter.api.Test;

/** Stripe's units: cents, whole yen, thousandths of a dinar ending in 0, whole krónur written ×100. */
class StripeAmountsTests {

	@Test
	void amountsAreWrittenInStripesUnit() {
		assertThat(StripeAmounts.toStripe(Money.of("19.99", "USD"))).isEqualTo(1999);
		assertThat(StripeAmounts.toStripe(Money.of("1500", "JPY"))).isEqualTo(1500);
		assertThat(StripeAmounts.toStripe(Money.of("12000", "KRW"))).isEqualTo(12000);
		assertThat(StripeAmounts.toStripe(Money.of("1.250", "KWD"))).isEqualTo(1250);
		assertThat(StripeAmounts.toStripe(Money.of("990", "ISK"))).isEqualTo(99000);
		assertThat(StripeAmounts.fromStripe(1999, "usd")).isEqualTo(Money.of("19.99", "USD"));
		assertThat(StripeAmounts.fromStripe(1500, "jpy")).isEqualTo(Money.of("1500", "JPY"));
		assertThat(StripeAmounts.fromStripe(99000, "isk")).isEqualTo(Money.of("990", "ISK"));
	}

	@Test
	void amountsStripeCannotChargeExactlyAreRefused() {
		assertThatThrownBy(() -> StripeAmounts.toStripe(Money.of("1.255", "KWD")))
			.isInstanceOf(PaymentProviderException.class)
			.hasMessageContaining("multiples of 0.010");
		assertThat(StripeAmounts.toStripe(Money.of("1.250", "KWD"))).isEqualTo(1250);
	}
}
