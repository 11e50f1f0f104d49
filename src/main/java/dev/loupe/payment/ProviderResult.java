package dev.loupe.payment;

import java.util.Map;
import java.util.Objects;

/**
 * A provider's answer: the session's status after the call and the data to keep (for Stripe, the PaymentIntent's
 * id and client secret). A provider that answers {@code ERROR} may say why in {@code message}.
 */
public record ProviderResult(PaymentSessionStatus status, Map<String, Object> data, String message) {

	public ProviderResult {
		Objects.requireNonNull(status, "status");
		data = data == null ? Map.of() : Map.copyOf(data);
	}

	public static ProviderResult of(PaymentSessionStatus status, Map<String, Object> data) {
		return new ProviderResult(status, data, null);
	}
}
