package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.util.Map;

/**
 * A payment provider (manual, Stripe, …), registered as a Spring bean and found by {@link #id()}. Loupe calls it
 * outside any database transaction, with an idempotency key on every call that moves money, so that a call repeated
 * after a crash or a timeout does not move money twice. A provider reports failures by throwing
 * {@link PaymentProviderException} (or by answering {@link PaymentSessionStatus#ERROR}).
 *
 * <p>Stripe's deferred PaymentIntent fits as: {@link #initiate} creates the intent and answers its
 * {@code client_secret} in the data; {@link #authorize} answers {@code requires_more} while the shopper must act and
 * {@code authorized} once the intent is confirmed; {@link #webhook} turns Stripe's events into a {@link WebhookAction}.
 */
public interface PaymentProvider {

	/** The provider's id as regions list it, e.g. {@code pp_system_default} or {@code pp_stripe_stripe}. */
	String id();

	/** Starts a payment for a new session; answers its status (normally pending) and the data to keep with it. */
	ProviderResult initiate(PaymentRequest request);

	/** Asks for authorisation of a session's payment; answers authorized, requires_more or error, with data. */
	ProviderResult authorize(ProviderSession session, String idempotencyKey);

	/** Captures {@code amount} of an authorised payment; answers the payment's updated data. */
	ProviderResult capture(ProviderPayment payment, Money amount, String idempotencyKey);

	/** Refunds {@code amount} of a captured payment; answers the payment's updated data. */
	ProviderResult refund(ProviderPayment payment, Money amount, String idempotencyKey);

	/** Voids an authorised, uncaptured payment. Must succeed when it is already voided. */
	void cancel(ProviderPayment payment, String idempotencyKey);

	/** Drops a session that will not be authorised (replaced, or its collection canceled). */
	void cancel(ProviderSession session, String idempotencyKey);

	/**
	 * What a storefront needs to render this provider's payment form, all of it public (Stripe: its
	 * {@code publishable_key}); empty for providers without one.
	 */
	default Map<String, Object> clientSettings() {
		return Map.of();
	}

	/** What a webhook call from the provider means; providers without webhooks answer {@code NOT_SUPPORTED}. */
	default WebhookAction webhook(Map<String, String> headers, byte[] body) {
		return WebhookAction.notSupported();
	}
}
