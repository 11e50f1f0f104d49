package dev.loupe.payment;

import dev.loupe.platform.LoupeException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The payment providers this installation has, by id: every {@link PaymentProvider} bean. */
@Component
public class PaymentProviders {

	private final Map<String, PaymentProvider> byId = new TreeMap<>();

	PaymentProviders(List<PaymentProvider> providers) {
		for (PaymentProvider provider : providers) {
			PaymentProvider previous = byId.put(provider.id(), provider);
			if (previous != null) {
				throw new IllegalStateException("Two payment providers have the id " + provider.id() + ": "
						+ previous.getClass().getName() + " and " + provider.getClass().getName());
			}
		}
	}

	/** Whether a provider with this id is registered. */
	public boolean has(String id) {
		return id != null && byId.containsKey(id);
	}

	public Optional<PaymentProvider> find(String id) {
		return Optional.ofNullable(id == null ? null : byId.get(id));
	}

	/** The provider with this id; an unknown id is {@code invalid_data} naming {@code provider_id}. */
	public PaymentProvider require(String id) {
		return find(id).orElseThrow(() -> LoupeException.invalidData("provider_id '" + shown(id)
				+ "' is not a payment provider of this store"));
	}

	/** The ids of the registered providers, sorted. */
	public Collection<String> ids() {
		return List.copyOf(byId.keySet());
	}

	static String shown(String value) {
		if (value == null) {
			return "null";
		}
		String s = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}
}
