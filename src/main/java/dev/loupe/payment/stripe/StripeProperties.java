package dev.loupe.payment.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Stripe provider ({@code pp_stripe_stripe}); it exists only when {@code apiKey} is set.
 *
 * @param apiKey the secret key, {@code sk_live_…} or {@code sk_test_…} ({@code STRIPE_API_KEY}; empty: no Stripe)
 * @param webhookSecret the signing secret of the webhook endpoint, {@code whsec_…} ({@code STRIPE_WEBHOOK_SECRET};
 *        empty: {@code POST /webhooks/stripe} answers 404)
 * @param publishableKey the publishable key for the storefront's Payment Element ({@code STRIPE_PUBLISHABLE_KEY})
 * @param capture {@code manual} (authorise at checkout, capture later) or {@code automatic} ({@code STRIPE_CAPTURE})
 * @param apiBase Stripe's API address; set only by tests ({@code STRIPE_API_BASE})
 * @param connectTimeout how long to wait for a connection to Stripe ({@code STRIPE_CONNECT_TIMEOUT})
 * @param readTimeout how long to wait for Stripe's answer to one request ({@code STRIPE_READ_TIMEOUT})
 * @param maxNetworkRetries how often stripe-java repeats a request that failed on the network, a 409 or a 5xx, with
 *        the same idempotency key ({@code STRIPE_MAX_NETWORK_RETRIES})
 * @param webhookTolerance how old a webhook's signed timestamp may be ({@code STRIPE_WEBHOOK_TOLERANCE})
 */
@ConfigurationProperties("loupe.stripe")
public record StripeProperties(@DefaultValue("") String apiKey, @DefaultValue("") String webhookSecret,
		@DefaultValue("") String publishableKey, @DefaultValue("manual") String capture,
		@DefaultValue("") String apiBase, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("2") int maxNetworkRetries,
		@DefaultValue("300s") Duration webhookTolerance) {

	public StripeProperties {
		if (!capture.equals("manual") && !capture.equals("automatic")) {
			throw new IllegalArgumentException("loupe.stripe.capture (STRIPE_CAPTURE) must be manual or automatic, not '"
					+ capture + "'");
		}
		if (maxNetworkRetries < 0 || maxNetworkRetries > 5) {
			throw new IllegalArgumentException("loupe.stripe.max-network-retries must be between 0 and 5");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
			throw new IllegalArgumentException("loupe.stripe timeouts must be positive");
		}
		if (!apiKey.isBlank() && !apiKey.startsWith("sk_") && !apiKey.startsWith("rk_")) {
			throw new IllegalArgumentException("loupe.stripe.api-key (STRIPE_API_KEY) must be a secret key (sk_…) or a "
					+ "restricted key (rk_…)");
		}
	}

	public boolean enabled() {
		return !apiKey.isBlank();
	}

	public boolean automaticCapture() {
		return capture.equals("automatic");
	}

	@Override
	public String toString() {
		return "StripeProperties[capture=" + capture + ", apiBase=" + apiBase + ", enabled=" + enabled() + "]";
	}
}
