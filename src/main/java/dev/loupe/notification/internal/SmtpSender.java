package dev.loupe.notification.internal;

import dev.loupe.platform.StartupException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivery over SMTP (Spring Mail) to the server of {@code SMTP_URL}: {@code smtp://user:pass@host:587?tls=starttls}
 * (STARTTLS required), {@code smtp://host:25} (STARTTLS when offered, {@code ?tls=none} never), {@code smtps://…:465}
 * (implicit TLS). Each message carries {@code Message-ID: <msg_…@sender-domain>}, so a message sent again after a
 * crash is recognisably the same one. A 5xx reply is permanent; connection trouble and 4xx replies are retried.
 */
public class SmtpSender implements MailSender {

	private final JavaMailSenderImpl mail;
	private final InternetAddress from;

	public SmtpSender(String smtpUrl, String from, Duration timeout) {
		this.mail = sender(smtpUrl, timeout);
		try {
			this.from = new InternetAddress(from, true);
		}
		catch (AddressException e) {
			throw new StartupException("LOUPE_MAIL_FROM", "LOUPE_MAIL_FROM is not an email address: " + from, e);
		}
	}

	@Override
	public String name() {
		return "smtp";
	}

	@Override
	public String send(OutgoingEmail email) throws DeliveryFailure {
		String messageId = "<" + email.id() + "@" + domain() + ">";
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, email.html() != null, "UTF-8");
			helper.setFrom(from);
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			if (email.html() != null) {
				helper.setText(email.text(), email.html());
			}
			else {
				helper.setText(email.text());
			}
			message.setHeader("Message-ID", messageId);
			mail.send(message);
			return messageId;
		}
		catch (MessagingException e) {
			throw new DeliveryFailure("The message could not be built: " + e.getMessage(), true, null, e);
		}
		catch (MailAuthenticationException e) {
			throw new DeliveryFailure("SMTP authentication failed: " + e.getMessage(), false, null, e);
		}
		catch (MailException e) {
			throw new DeliveryFailure("SMTP: " + e.getMessage(), permanent(e), null, e);
		}
	}

	private String domain() {
		String address = from.getAddress();
		return address.substring(address.indexOf('@') + 1);
	}

	/**
	 * A 5xx reply (unknown mailbox, message refused) will not change on a retry; everything else may. The provider's
	 * exceptions (Angus Mail, a runtime dependency) carry the server's reply as their message, {@code 550 5.1.1 …}.
	 */
	private static boolean permanent(MailException e) {
		if (!(e instanceof MailSendException send)) {
			return false;
		}
		for (Exception failure : send.getFailedMessages().values()) {
			Throwable t = failure;
			for (int depth = 0; t != null && depth < 10; depth++) {
				if (t.getMessage() != null && t.getMessage().strip().matches("(?s)5\\d\\d\\b.*")) {
					return true;
				}
				t = t instanceof jakarta.mail.MessagingException m && m.getNextException() != null ? m.getNextException()
						: t.getCause();
			}
		}
		return false;
	}

	static JavaMailSenderImpl sender(String smtpUrl, Duration timeout) {
		URI uri;
		try {
			uri = new URI(smtpUrl);
		}
		catch (URISyntaxException e) {
			throw new StartupException("SMTP_URL", "SMTP_URL is not a URL like smtp://user:pass@host:587?tls=starttls", e);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("smtp") && !scheme.equals("smtps") || uri.getHost() == null) {
			throw new StartupException("SMTP_URL", "SMTP_URL must look like smtp://user:pass@host:587?tls=starttls");
		}
		String tls = query(uri, "tls");
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(uri.getHost());
		sender.setProtocol(scheme);
		sender.setDefaultEncoding("UTF-8");
		sender.setPort(uri.getPort() > 0 ? uri.getPort() : scheme.equals("smtps") ? 465 : 587);
		if (uri.getRawUserInfo() != null) {
			String[] user = uri.getRawUserInfo().split(":", 2);
			sender.setUsername(URLDecoder.decode(user[0], StandardCharsets.UTF_8));
			if (user.length > 1) {
				sender.setPassword(URLDecoder.decode(user[1], StandardCharsets.UTF_8));
			}
		}
		Properties p = sender.getJavaMailProperties();
		String prefix = "mail." + scheme + ".";
		p.setProperty(prefix + "auth", Boolean.toString(sender.getUsername() != null));
		p.setProperty(prefix + "connectiontimeout", Long.toString(timeout.toMillis()));
		p.setProperty(prefix + "timeout", Long.toString(timeout.toMillis()));
		p.setProperty(prefix + "writetimeout", Long.toString(timeout.toMillis()));
		if (scheme.equals("smtp")) {
			switch (tls == null ? "auto" : tls.toLowerCase(Locale.ROOT)) {
				case "starttls" -> {
					p.setProperty(prefix + "starttls.enable", "true");
					p.setProperty(prefix + "starttls.required", "true");
				}
				case "none" -> p.setProperty(prefix + "starttls.enable", "false");
				case "auto" -> p.setProperty(prefix + "starttls.enable", "true");
				default -> throw new StartupException("SMTP_URL", "SMTP_URL's tls must be starttls or none, not " + tls);
			}
		}
		return sender;
	}

	private static String query(URI uri, String name) {
		if (uri.getRawQuery() == null) {
			return null;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			String[] kv = pair.split("=", 2);
			if (kv[0].equals(name)) {
				return kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}
}
