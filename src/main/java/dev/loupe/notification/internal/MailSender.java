package dev.loupe.notification.internal;

/** A way out of the outbox: SMTP or Resend. The outbox provider has none (messages stay for viewing). */
public interface MailSender {

	/** The provider's name as stored on the message ({@code smtp}, {@code resend}). */
	String name();

	/**
	 * Sends one message. Must be safe to call again for the same message id (a retry after a crash): the provider's
	 * idempotency key or the Message-ID makes a repeat recognisable.
	 *
	 * @return the provider's id of the message, if it gives one
	 */
	String send(OutgoingEmail email) throws DeliveryFailure;
}
