package dev.loupe.identity.internal;

import dev.loupe.platform.LoupeException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing and the password and email rules shared by customer and staff logins. Argon2id with 19 MiB,
 * 2 iterations and 1 lane (OWASP's minimum; ADR 006 gives the measured cost). A decoy hash is checked when an
 * email is unknown, so a login takes as long whether or not the account exists.
 */
public final class Passwords {

	public static final Pattern EMAIL = Pattern.compile("[^@\\s\\x00-\\x1f]{1,64}@[^@\\s\\x00-\\x1f]{1,255}\\.[a-zA-Z]{2,63}");
	public static final int MIN_LENGTH = 10;
	public static final int MAX_LENGTH = 128;

	private static final Argon2PasswordEncoder HASHER = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	private static final String DECOY = HASHER.encode("decoy-password-never-valid");
	// The most used passwords of ten or more characters (breach corpora); refused outright.
	private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "123456789a", "0123456789",
			"qwertyuiop", "1q2w3e4r5t", "password123", "password12", "password1234", "iloveyou12", "abcdefghij",
			"qwerty1234", "1qaz2wsx3edc", "0987654321", "1111111111", "aaaaaaaaaa", "letmein123", "welcome123",
			"passw0rd12", "administrator", "changeme123");

	private Passwords() {
	}

	public static String hash(String password) {
		return HASHER.encode(password);
	}

	/** Whether the password matches; with a null hash (no such account) the decoy is checked, at the same cost. */
	public static boolean matches(String password, String hash) {
		boolean matches = HASHER.matches(password == null ? "" : password, hash == null ? DECOY : hash);
		return matches && hash != null;
	}

	/** A normalized email address, or invalid_data. */
	public static String email(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
			throw LoupeException.invalidData("email must be a valid email address");
		}
		return normalized;
	}

	/** Refuses short, overlong, common and email-like passwords, saying which rule failed. */
	public static void requireStrong(String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw LoupeException.invalidData("password must be at least " + MIN_LENGTH + " characters");
		}
		if (password.length() > MAX_LENGTH) {
			throw LoupeException.invalidData("password must be at most " + MAX_LENGTH + " characters");
		}
		if (password.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("password must not contain NUL characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() < 4
				|| (email != null && lower.contains(email.split("@")[0]) && email.split("@")[0].length() >= 4)) {
			throw LoupeException.invalidData("password is too easy to guess: use a longer phrase, not your name or email");
		}
	}
}
