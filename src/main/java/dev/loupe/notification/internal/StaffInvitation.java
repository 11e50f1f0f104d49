package dev.loupe.notification.internal;

import java.time.Duration;

/** An invitation to the back office with a role and a link to choose a password. */
public record StaffInvitation(String role, String link, Duration validFor) implements EmailTemplate {

	@Override
	public String name() {
		return "staff-invite";
	}

	@Override
	public String view() {
		return "staffInvitation";
	}

	@Override
	public String subject(Branding brand) {
		return "You are invited to the " + brand.storeName() + " back office";
	}

	@Override
	public String text(Branding brand) {
		return "You are invited to join the back office of " + brand.storeName() + " as " + role + ".\n\n"
				+ "Choose your password within " + brand.duration(validFor) + ":\n" + link + "\n\n— "
				+ brand.storeName() + "\n";
	}
}
