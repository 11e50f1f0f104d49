package dev.loupe.webhook.internal;

import dev.loupe.webhook.WebhookSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every {@link WebhookSource} bean, by name. */
@Component
public class WebhookSources {

	private final Map<String, WebhookSource> byName = new TreeMap<>();

	WebhookSources(List<WebhookSource> sources) {
		for (WebhookSource source : sources) {
			if (!source.name().matches("[a-z][a-z0-9-]{0,39}")) {
				throw new IllegalStateException("Webhook source name '" + source.name() + "' of "
						+ source.getClass().getName() + " must be lower-case letters, digits and dashes");
			}
			WebhookSource previous = byName.put(source.name(), source);
			if (previous != null) {
				throw new IllegalStateException("Two webhook sources are named " + source.name());
			}
		}
	}

	public Optional<WebhookSource> find(String name) {
		return Optional.ofNullable(name == null ? null : byName.get(name));
	}
}
