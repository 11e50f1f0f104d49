package dev.loupe.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings. With neither {@code SMTP_URL} nor {@code RESEND_API_KEY} nothing leaves the store: messages stay in
 * the outbox for viewing. Each setting has an environment variable (see README).
 *
 * @param from the sender, {@code Name <address>} or an address ({@code LOUPE_MAIL_FROM}); required with a provider
 * @param storeName the store's name in emails ({@code LOUPE_STORE_NAME})
 * @param brandColor the store's colour, {@code #rrggbb} ({@code LOUPE_BRAND_COLOR})
 * @param locale how money and dates are written, a BCP 47 tag such as {@code en-US} ({@code LOUPE_MAIL_LOCALE})
 * @param timeZone the time zone of dates in emails ({@code LOUPE_MAIL_TIME_ZONE})
 * @param smtpUrl {@code smtp://user:pass@host:587?tls=starttls}, {@code smtps://…} for implicit TLS ({@code SMTP_URL})
 * @param resend the Resend API
 * @param maxAttempts attempts before a message is marked failed ({@code LOUPE_MAIL_MAX_ATTEMPTS})
 * @param retryBackoff the wait after the first failed attempt, doubled after each further one
 *        ({@code LOUPE_MAIL_RETRY_BACKOFF})
 * @param maxBackoff the longest wait between attempts
 * @param reviewRequestDelay how long after delivery the review request goes out ({@code LOUPE_REVIEW_REQUEST_DELAY})
 * @param sendTimeout how long one attempt may take (connect and read)
 */
@ConfigurationProperties("loupe.mail")
public record MailSettings(
		@DefaultValue("") String from,
		@DefaultValue("Loupe") String storeName,
		@DefaultValue("#2f5d50") String brandColor,
		@DefaultValue("en-US") String locale,
		@DefaultValue("UTC") String timeZone,
		@DefaultValue("") String smtpUrl,
		@DefaultValue Resend resend,
		@DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration retryBackoff,
		@DefaultValue("6h") Duration maxBackoff,
		@DefaultValue("7d") Duration reviewRequestDelay,
		@DefaultValue("20s") Duration sendTimeout) {

	/**
	 * @param apiKey the API key; set, it makes Resend the provider ({@code RESEND_API_KEY})
	 * @param baseUrl the API's address; only tests change it ({@code RESEND_BASE_URL})
	 * @param webhookSecret the signing secret of the Resend webhook, {@code whsec_…} ({@code RESEND_WEBHOOK_SECRET})
	 */
	public record Resend(@DefaultValue("") String apiKey, @DefaultValue("https://api.resend.com") String baseUrl,
			@DefaultValue("") String webhookSecret) {
	}

	/** Which provider delivers: Resend when its key is set, else SMTP when its URL is set, else none. */
	public String provider() {
		if (!resend.apiKey().isBlank()) {
			return "resend";
		}
		return smtpUrl.isBlank() ? "outbox" : "smtp";
	}

	/** The wait before attempt {@code attempt + 1}: the backoff doubled per earlier failure, capped. */
	public Duration backoff(int attempt) {
		Duration wait = retryBackoff;
		for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
