package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.util.Map;

/** A payment as a provider sees it: its id, session, authorised amount and the provider's data. */
public record ProviderPayment(String paymentId, String sessionId, Money amount, Map<String, Object> data) {

	public ProviderPayment {
		data = data == null ? Map.of() : Map.copyOf(data);
	}
}
