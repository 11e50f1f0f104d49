package dev.loupe.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loupe.platform.TooManyRequestsException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Limits failed logins per client address and per account within a window, before any password is hashed, so
 * guessing is slow and cheap for the server to refuse. Per-account locks that must survive a restart and hold across
 * instances are kept in the database by {@code Logins}; this in-process limit is the first, fast line.
 */
@Component
public class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);
	static final int PER_ACCOUNT = 10;
	static final int PER_ADDRESS = 50;

	private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
		.expireAfterWrite(WINDOW)
		.maximumSize(200_000)
		.build();

	/** Refuses with 429 when the address or the account has failed too often in the window. */
	public void check(String address, String account) {
		check("", address, account, PER_ADDRESS, PER_ACCOUNT, "Too many failed logins; try again later");
	}

	public void failed(String address, String account) {
		failed("", address, account);
	}

	public void succeeded(String account) {
		succeeded("", account);
	}

	/** Forgets the failures of a client address (an operator unblocking an office behind one address; tests). */
	public void forgetAddress(String address) {
		forgetAddress("", address);
	}

	/**
	 * The same limit for another kind of secret guessed by trying (a guest order lookup's number and email): failures
	 * of a {@code kind} count apart from logins and from other kinds.
	 */
	public void check(String kind, String address, String account, int perAddress, int perAccount, String message) {
		if (count(kind + "ip:" + address) >= perAddress || count(kind + "acct:" + account) >= perAccount) {
			throw new TooManyRequestsException(message, WINDOW.toSeconds());
		}
	}

	public void failed(String kind, String address, String account) {
		failures.get(kind + "ip:" + address, k -> new AtomicInteger()).incrementAndGet();
		failures.get(kind + "acct:" + account, k -> new AtomicInteger()).incrementAndGet();
	}

	public void succeeded(String kind, String account) {
		failures.invalidate(kind + "acct:" + account);
	}

	public void forgetAddress(String kind, String address) {
		failures.invalidate(kind + "ip:" + address);
	}

	private int count(String key) {
		AtomicInteger n = failures.getIfPresent(key);
		return n == null ? 0 : n.get();
	}
}
