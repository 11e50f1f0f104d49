package dev.loupe.platform;

import java.util.Currency;

/** Thrown when arithmetic mixes two currencies: always a programming error, never a shopper's. */
public class CurrencyMismatchException extends IllegalArgumentException {

	public CurrencyMismatchException(Currency left, Currency right) {
		super("Cannot combine " + left.getCurrencyCode() + " with " + right.getCurrencyCode());
	}
}
