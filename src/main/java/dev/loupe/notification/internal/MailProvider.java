package dev.loupe.notification.internal;

import dev.loupe.platform.StartupException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The provider chosen by the settings: Resend when {@code RESEND_API_KEY} is set, else SMTP when {@code SMTP_URL} is
 * set, else none — the outbox provider, which sends nothing and keeps every message for viewing.
 */
@Component
public class MailProvider {

	private final String name;
	private final MailSender sender;

	MailProvider(MailSettings settings) {
		this.name = settings.provider();
		if (!name.equals("outbox") && settings.from().isBlank()) {
			throw new StartupException("LOUPE_MAIL_FROM",
					"LOUPE_MAIL_FROM must name the sender (like Shop <shop@example.com>) when an email provider is set");
		}
		this.sender = switch (name) {
			case "resend" -> new ResendSender(settings.resend().apiKey(), settings.resend().baseUrl(), settings.from(),
					settings.sendTimeout());
			case "smtp" -> new SmtpSender(settings.smtpUrl(), settings.from(), settings.sendTimeout());
			default -> null;
		};
	}

	/** {@code outbox}, {@code smtp} or {@code resend}. */
	public String name() {
		return name;
	}

	/** The sender; empty with the outbox provider. */
	public Optional<MailSender> sender() {
		return Optional.ofNullable(sender);
	}
}
