package dev.loupe.notification.internal;

import java.time.Duration;

/** A link to choose a new password, valid for a short time. */
public record PasswordReset(String link, Duration validFor) implements EmailTemplate {

	@Override
	public String name() {
		return "password-reset";
	}

	@Override
	public String view() {
		return "passwordReset";
	}

	@Override
	public String subject(Branding brand) {
		return "Reset your " + brand.storeName() + " password";
	}

	@Override
	public String text(Branding brand) {
		return "Someone asked to reset the password of your account at " + brand.storeName() + " (" + brand.baseUrl()
				+ ").\n\nTo choose a new password, open this link within " + brand.duration(validFor) + ":\n" + link
				+ "\n\nIf it was not you, ignore this email: your password stays as it is.\n\n— " + brand.storeName()
				+ "\n";
	}
}
