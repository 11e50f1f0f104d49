package dev.loupe.notification.internal;

import java.time.Duration;

/** A link that proves the customer owns the address. */
public record EmailVerification(String link, Duration validFor) implements EmailTemplate {

	@Override
	public String name() {
		return "email-verification";
	}

	@Override
	public String view() {
		return "emailVerification";
	}

	@Override
	public String subject(Branding brand) {
		return "Confirm your email for " + brand.storeName();
	}

	@Override
	public String text(Branding brand) {
		return "Please confirm that this is your email address for your account at " + brand.storeName() + " ("
				+ brand.baseUrl() + ").\n\nOpen this link within " + brand.duration(validFor) + ":\n" + link + "\n\n"
				+ "Once confirmed, orders you placed as a guest with this address appear in your account.\n"
				+ "If you did not create an account, ignore this email.\n\n— " + brand.storeName() + "\n";
	}
}
