package dev.loupe.notification.internal;

import com.resend.core.exception.ResendException;
import com.resend.core.net.IHttpClient;
import com.resend.core.net.RequestOptions;
import com.resend.services.emails.Emails;
import com.resend.services.emails.model.CreateEmailOptions;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Delivery through the Resend API with resend-java. Every message is sent with {@code Idempotency-Key: <message id>},
 * so a retry after a timeout or a crash never sends it twice (Resend keeps keys for 24 hours). 4xx answers other than
 * 429 (validation, a sender domain not verified) are permanent; 429, 5xx and network trouble are retried.
 */
public class ResendSender implements MailSender {

	private final Emails emails;
	private final String from;

	public ResendSender(String apiKey, String baseUrl, String from, Duration timeout) {
		this.emails = emails(apiKey, new ResendHttp(baseUrl, timeout));
		this.from = from;
	}

	/**
	 * The SDK's {@code Emails} with our transport. Its constructor taking a transport is package-private (the SDK
	 * uses it for its own tests), hence reflection; a newer SDK without it fails at start-up, not at the first email.
	 */
	private static Emails emails(String apiKey, IHttpClient<String> http) {
		try {
			var constructor = Emails.class.getDeclaredConstructor(String.class, IHttpClient.class);
			constructor.setAccessible(true);
			return constructor.newInstance(apiKey, http);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("This resend-java has no Emails(String, IHttpClient) constructor", e);
		}
	}

	@Override
	public String name() {
		return "resend";
	}

	@Override
	public String send(OutgoingEmail email) throws DeliveryFailure {
		CreateEmailOptions.Builder options = CreateEmailOptions.builder()
			.from(from)
			.to(email.to())
			.subject(email.subject())
			.text(email.text());
		if (email.html() != null) {
			options.html(email.html());
		}
		try {
			return emails.send(options.build(), RequestOptions.builder().setIdempotencyKey(email.id()).build()).getId();
		}
		catch (ResendHttp.RateLimited e) {
			throw new DeliveryFailure(e.getMessage(), false, e.retryAfter, e);
		}
		catch (UncheckedIOException e) {
			throw new DeliveryFailure(e.getMessage(), false, null, e);
		}
		catch (ResendException e) {
			Integer status = e.getStatusCode();
			boolean permanent = status != null && status >= 400 && status < 500 && status != 408 && status != 409;
			throw new DeliveryFailure("Resend " + (status == null ? "" : status + " ") + e.getMessage(), permanent, null,
					e);
		}
	}
}
