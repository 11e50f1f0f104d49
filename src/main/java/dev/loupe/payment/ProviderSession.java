package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.util.Map;

/** A session as a provider sees it: its id, amount, the provider's data and the context. */
public record ProviderSession(String sessionId, String collectionId, Money amount, Map<String, Object> data,
		Map<String, Object> context) {

	public ProviderSession {
		data = data == null ? Map.of() : Map.copyOf(data);
		context = context == null ? Map.of() : Map.copyOf(context);
	}
}
