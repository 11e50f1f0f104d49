package dev.loupe.identity;

import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.TooManyRequestsException;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff logins for the Admin API: a correct email and password open a server-side session of 8 hours, and the
 * access token names it, so logging out or removing a member of staff ends their tokens at once.
 */
@Service
public class StaffLogins {

	static final Duration SESSION_LIFETIME = Duration.ofHours(8);

	private final StaffAccounts accounts;
	private final Sessions sessions;
	private final LoginThrottle throttle;
	private final Clock clock;

	StaffLogins(StaffAccounts accounts, Sessions sessions, LoginThrottle throttle, Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * The staff principal of a correct email and password; 401 otherwise, and 429 over the failure limits or while
	 * the login is locked (10 failures in a row lock it for 15 minutes, as for customers: ADR 006).
	 */
	@Transactional(noRollbackFor = LoupeException.class)
	public Principal login(String email, String password, String address) {
		return signIn(email, password, address, SESSION_LIFETIME).principal();
	}

	/** A signed-in browser: the staff principal and the session secret its cookie carries (shown once). */
	public record BrowserSession(Principal principal, String secret, Instant expiresAt) {
	}

	/**
	 * Signs a member of staff in to the back office: the same checks, throttling and lockout as {@link #login}, and a
	 * session of at most {@code lifetime} whose secret goes into a cookie.
	 */
	@Transactional(noRollbackFor = LoupeException.class)
	public BrowserSession signIn(String email, String password, String address, Duration lifetime) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		throttle.check(address, "staff:" + normalized);
		Instant now = clock.instant();
		Optional<Instant> locked = accounts.lockedUntil(normalized, now);
		if (locked.isPresent()) {
			throw new TooManyRequestsException("Too many failed logins; try again later",
					Duration.between(now, locked.get()).toSeconds());
		}
		Optional<StaffUser> user = accounts.authenticate(normalized, password);
		if (user.isEmpty()) {
			throttle.failed(address, "staff:" + normalized);
			accounts.recordFailure(normalized, Logins.LOCK_AFTER, now.plus(Logins.LOCK_FOR));
			throw LoupeException.unauthorized("Invalid email or password");
		}
		throttle.succeeded("staff:" + normalized);
		accounts.clearFailures(user.get().id());
		Principal principal = new Principal(Principal.ActorType.USER, user.get().id(), null, user.get().email());
		Sessions.Opened session = sessions.open(principal, lifetime);
		return new BrowserSession(
				new Principal(Principal.ActorType.USER, user.get().id(), null, user.get().email(), session.id()),
				session.secret(), session.expiresAt());
	}

	/** The staff user behind a live staff principal, or empty (logged out, expired, removed). */
	@Transactional(readOnly = true)
	public Optional<StaffUser> user(Principal principal) {
		if (principal.actorType() != Principal.ActorType.USER || !sessions.isLive(principal.sessionId())) {
			return Optional.empty();
		}
		return accounts.find(principal.actorId());
	}
}
