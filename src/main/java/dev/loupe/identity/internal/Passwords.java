package dev.loupe.identity.internal;

import dev.loupe.platform.LoupeException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing and the password and email rules shared by customer and staff logins. Argon2id with 19 MiB,
 * 2 iterations and 1 lane (OWASP's minimum; ADR 006 gives the measured cost), computed by the reference C library
 * where it loads and by a pure-Java implementation elsewhere. A decoy hash is checked when an
 * email is unknown, so a login takes as long whether or not the account exists.
 */
public final class Passwords {

	public static final Pattern EMAIL = Pattern.compile("[^@\\s\\x00-\\x1f]{1,64}@[^@\\s\\x00-\\x1f]{1,255}\\.[a-zA-Z]{2,63}");
	public static final int MIN_LENGTH = 10;
	public static final int MAX_LENGTH = 128;

	static final int MEMORY_KIB = 19 * 1024;
	static final int ITERATIONS = 2;
	static final int PARALLELISM = 1;
	private static final Logger log = LoggerFactory.getLogger(Passwords.class);
	private static final Hasher HASHER = nativeHasher().orElseGet(Passwords::javaHasher);
	private static final String DECOY = HASHER.hash("decoy-password-never-valid");
	// The most used passwords of ten or more characters (breach corpora); refused outright.
	private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "123456789a", "0123456789",
			"qwertyuiop", "1q2w3e4r5t", "password123", "password12", "password1234", "iloveyou12", "abcdefghij",
			"qwerty1234", "1qaz2wsx3edc", "0987654321", "1111111111", "aaaaaaaaaa", "letmein123", "welcome123",
			"passw0rd12", "administrator", "changeme123");

	private Passwords() {
	}

	/** Hashing in PHC form ({@code $argon2id$v=19$m=19456,t=2,p=1$…}); both implementations read each other's hashes. */
	private interface Hasher {

		String hash(String password);

		boolean matches(String password, String hash);
	}

	/** The reference C implementation through JNA, when its bundled library loads on this platform. */
	private static java.util.Optional<Hasher> nativeHasher() {
		try {
			Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
			argon2.hash(1, 64, 1, "probe".toCharArray());
			return java.util.Optional.of(new Hasher() {
				@Override
				public String hash(String password) {
					char[] chars = password.toCharArray();
					try {
						return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, chars);
					}
					finally {
						argon2.wipeArray(chars);
					}
				}

				@Override
				public boolean matches(String password, String hash) {
					char[] chars = password.toCharArray();
					try {
						return argon2.verify(hash, chars);
					}
					catch (RuntimeException malformedHash) {
						return false;
					}
					finally {
						argon2.wipeArray(chars);
					}
				}
			});
		}
		catch (LinkageError | RuntimeException unavailable) {
			log.warn("The native Argon2 library does not load here ({}); hashing passwords in Java, about 4x slower",
					unavailable.toString());
			return java.util.Optional.empty();
		}
	}

	private static Hasher javaHasher() {
		Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);
		return new Hasher() {
			@Override
			public String hash(String password) {
				return encoder.encode(password);
			}

			@Override
			public boolean matches(String password, String hash) {
				return encoder.matches(password, hash);
			}
		};
	}

	/**
	 * Hashing runs on platform threads of its own, one per core: a native call would pin the virtual thread's carrier,
	 * and with two carriers two concurrent logins would stall every other request. The pool also bounds how much CPU
	 * logins can take at once.
	 */
	private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(
			Math.max(1, Runtime.getRuntime().availableProcessors()),
			Thread.ofPlatform().daemon().name("argon2-", 0).factory());

	private static <T> T onPool(java.util.concurrent.Callable<T> work) {
		try {
			return POOL.submit(work).get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while hashing a password", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	public static String hash(String password) {
		return onPool(() -> HASHER.hash(password));
	}

	/** Whether the password matches; with a null hash (no such account) the decoy is checked, at the same cost. */
	public static boolean matches(String password, String hash) {
		boolean matches = onPool(() -> HASHER.matches(password == null ? "" : password, hash == null ? DECOY : hash));
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
				|| (email != null && (lower.contains(email) || lower.equals(email.split("@")[0])))) {
			throw LoupeException.invalidData("password is too easy to guess: use a longer phrase, not your name or email");
		}
	}
}
