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
		if (count("ip:" + address) >= PER_ADDRESS || count("acct:" + account) >= PER_ACCOUNT) {
			throw new TooManyRequestsException("Too many failed logins; try again later", WINDOW.toSeconds());
		}
	}

	public void failed(String address, String account) {
		failures.get("ip:" + address, k -> new AtomicInteger()).incrementAndGet();
		failures.get("acct:" + account, k -> new AtomicInteger()).incrementAndGet();
	}

	public void succeeded(String account) {
		failures.invalidate("acct:" + account);
	}

	/** Forgets the failures of a client address (an operator unblocking an office behind one address; tests). */
	public void forgetAddress(String address) {
		failures.invalidate("ip:" + address);
	}

	private int count(String key) {
		AtomicInteger n = failures.getIfPresent(key);
		return n == null ? 0 : n.get();
	}
}
