package dev.loupe.identity;

import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.platform.LoupeException;
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

	StaffLogins(StaffAccounts accounts, Sessions sessions, LoginThrottle throttle) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
	}

	@Transactional
	public Principal login(String email, String password, String address) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		throttle.check(address, "staff:" + normalized);
		Optional<StaffUser> user = accounts.authenticate(normalized, password);
		if (user.isEmpty()) {
			throttle.failed(address, "staff:" + normalized);
			throw LoupeException.unauthorized("Invalid email or password");
		}
		throttle.succeeded("staff:" + normalized);
		Principal principal = new Principal(Principal.ActorType.USER, user.get().id(), null, user.get().email());
		Sessions.Opened session = sessions.open(principal, SESSION_LIFETIME);
		return new Principal(Principal.ActorType.USER, user.get().id(), null, user.get().email(), session.id());
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
