package dev.loupe.platform;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Prefixed, time-sortable ids in Medusa's style: {@code prod_01JD3Q8R2X5M7N9P0A1B2C3D4E}. The part after the
 * prefix is a ULID: 48 bits of milliseconds and 80 random bits from a {@link SecureRandom}, so an id is also safe
 * to use as a capability (an order id cannot be guessed from another).
 */
public final class Ids {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final Pattern PREFIX = Pattern.compile("[a-z][a-z_]{0,15}");
	/** A ULID's 48-bit time fills 10 characters of 5 bits, so its first character is at most 7. */
	private static final Pattern ID = Pattern.compile("[a-z][a-z_]{0,15}_[0-7][0-9A-HJKMNP-TV-Z]{25}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/**
	 * An id for correlation only (request ids): same shape, but from a fast non-cryptographic random source, as it
	 * protects nothing and is made for every request.
	 */
	public static String nextForCorrelation(String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Invalid id prefix: " + prefix);
		}
		byte[] random = new byte[10];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
		return prefix + "_" + ulid(System.currentTimeMillis(), random);
	}

	/** A new id with the given prefix, e.g. {@code Ids.next("prod")}. */
	public static String next(String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Invalid id prefix: " + prefix);
		}
		return prefix + "_" + ulid(System.currentTimeMillis());
	}

	/** True when {@code value} has the shape of an id Loupe generates (any prefix). */
	public static boolean isWellFormed(String value) {
		return value != null && value.length() <= 48 && ID.matcher(value).matches();
	}

	/** True when {@code value} is a well-formed id with exactly this prefix. */
	public static boolean hasPrefix(String value, String prefix) {
		return isWellFormed(value) && value.startsWith(prefix + "_") && value.length() == prefix.length() + 27;
	}

	static String ulid(long millis) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		return ulid(millis, random);
	}

	private static String ulid(long millis, byte[] random) {
		char[] out = new char[26];
		long time = millis;
		for (int i = 9; i >= 0; i--) {
			out[i] = ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		long hi = 0;
		for (int i = 0; i < 5; i++) {
			hi = (hi << 8) | (random[i] & 0xff);
		}
		long lo = 0;
		for (int i = 5; i < 10; i++) {
			lo = (lo << 8) | (random[i] & 0xff);
		}
		for (int i = 17; i >= 10; i--) {
			out[i] = ALPHABET[(int) (hi & 31)];
			hi >>>= 5;
		}
		for (int i = 25; i >= 18; i--) {
			out[i] = ALPHABET[(int) (lo & 31)];
			lo >>>= 5;
		}
		return new String(out);
	}
}
