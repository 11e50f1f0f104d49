package dev.loupe.notification.internal;

/**
 * One kind of email: its HTML is the jte template {@code email/<view>.jte} (parameters {@code brand} and
 * {@code email}, this object), its subject and plain-text part are written here, from the same data.
 */
public interface EmailTemplate {

	/** The template's name as stored on the message ({@code order-confirmation}). */
	String name();

	/** The jte template under {@code src/main/jte/email/}, without extension. */
	String view();

	String subject(Branding brand);

	String text(Branding brand);
}
