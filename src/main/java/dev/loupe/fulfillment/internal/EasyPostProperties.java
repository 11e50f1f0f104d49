package dev.loupe.fulfillment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the EasyPost integration; with no API key, EasyPost options are not offered and labels cannot be
 * bought.
 *
 * @param apiKey the secret API key ({@code EASYPOST_API_KEY}); empty: EasyPost is off
 * @param apiBase the API's address ({@code EASYPOST_API_BASE}); tests point it at a stub
 * @param timeout how long one call may take to connect and to answer ({@code LOUPE_EASYPOST_TIMEOUT})
 * @param rateCacheTtl how long a quoted rate is reused for the same option, destination and parcel
 *        ({@code LOUPE_EASYPOST_RATE_CACHE_TTL})
 * @param webhookSecret the secret of EasyPost's webhook signatures ({@code EASYPOST_WEBHOOK_SECRET}); empty: tracking
 *        webhooks are refused
 * @param autoLabels whether a placed order is fulfilled and its label bought by a background job
 *        ({@code LOUPE_AUTO_LABELS})
 */
@ConfigurationProperties("loupe.easypost")
public record EasyPostProperties(String apiKey, @DefaultValue("https://api.easypost.com") String apiBase,
		@DefaultValue("10s") Duration timeout, @DefaultValue("15m") Duration rateCacheTtl, String webhookSecret,
		@DefaultValue("false") boolean autoLabels) {

	public EasyPostProperties {
		if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("loupe.easypost.timeout must be positive");
		}
		if (rateCacheTtl.isNegative()) {
			throw new IllegalArgumentException("loupe.easypost.rate-cache-ttl must not be negative");
		}
		apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
		webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
	}

	public boolean configured() {
		return apiKey != null;
	}
}
