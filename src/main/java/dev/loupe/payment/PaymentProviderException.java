package dev.loupe.payment;

/** A payment provider failed to do what was asked (declined, unreachable, misconfigured). */
public class PaymentProviderException extends RuntimeException {

	public PaymentProviderException(String message) {
		super(message);
	}

	public PaymentProviderException(String message, Throwable cause) {
		super(message, cause);
	}
}
