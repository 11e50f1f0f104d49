package dev.loupe.storeapi.internal;

import dev.loupe.identity.CustomerEmailVerified;
import dev.loupe.identity.EmailVerifications;
import dev.loupe.identity.Logins;
import dev.loupe.identity.PasswordResets;
import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.Tokens;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.web.BearerToken;
import dev.loupe.platform.web.JsonBodies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medusa's auth routes for customers: emailpass registration and login answering a token, cookie sessions in
 * exchange for a token, token refresh, and password reset. Failures never say whether an email has an account,
 * except registration, which must refuse a taken email (422).
 */
@RestController
class AuthRoutes {

	static final String SESSION_COOKIE = "connect.sid";
	static final Duration SESSION_LIFETIME = Duration.ofDays(30);
	private static final Set<String> CREDENTIALS = Set.of("email", "password");

	private final Logins logins;
	private final Tokens tokens;
	private final Sessions sessions;
	private final PasswordResets resets;
	private final EmailVerifications verifications;
	private final JsonBodies bodies;

	AuthRoutes(Logins logins, Tokens tokens, Sessions sessions, PasswordResets resets,
			EmailVerifications verifications, JsonBodies bodies) {
		this.verifications = verifications;
		this.logins = logins;
		this.tokens = tokens;
		this.sessions = sessions;
		this.resets = resets;
		this.bodies = bodies;
	}

	@PostMapping("/auth/customer/emailpass/register")
	Map<String, Object> register(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(CREDENTIALS);
		Principal registration = logins.register(body.text("email", 300), body.text("password", 1000), http.getRemoteAddr());
		return Map.of("token", tokens.issue(registration));
	}

	@PostMapping("/auth/customer/emailpass")
	Map<String, Object> login(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(CREDENTIALS);
		return Map.of("token", tokens.issue(logins.login(body.text("email", 300), body.text("password", 1000),
				http.getRemoteAddr())));
	}

	/** Exchanges the bearer token of a customer for a cookie session (Medusa's {@code auth.type: "session"}). */
	@PostMapping("/auth/session")
	Map<String, Object> openSession(HttpServletRequest http, HttpServletResponse response) {
		Principal principal = Principal.of(http)
			.filter(p -> p.actorType() == Principal.ActorType.CUSTOMER && p.registered())
			.orElseThrow(() -> LoupeException.unauthorized("Unauthorized"));
		Sessions.Opened session = sessions.open(principal, SESSION_LIFETIME);
		response.addHeader("Set-Cookie", cookie(http, session.secret(), SESSION_LIFETIME).toString());
		return Map.of("user", user(principal));
	}

	@DeleteMapping("/auth/session")
	Map<String, Object> closeSession(HttpServletRequest http, HttpServletResponse response) {
		if (http.getCookies() != null) {
			for (Cookie c : http.getCookies()) {
				if (SESSION_COOKIE.equals(c.getName())) {
					sessions.revoke(c.getValue());
				}
			}
		}
		Principal.of(http).map(Principal::sessionId).ifPresent(sessions::revoke);
		response.addHeader("Set-Cookie", cookie(http, "", Duration.ZERO).toString());
		return Map.of("success", true);
	}

	/**
	 * A fresh token for the caller. It is read again from the login, so the token of a registration that has since
	 * created its customer comes back as that customer's token.
	 */
	@PostMapping("/auth/token/refresh")
	Map<String, Object> refresh(HttpServletRequest http) {
		Principal principal = Principal.of(http).orElseThrow(() -> LoupeException.unauthorized("Unauthorized"));
		Principal current = switch (principal.actorType()) {
			case CUSTOMER -> logins.principal(principal.authIdentityId())
				.orElseThrow(() -> LoupeException.unauthorized("Unauthorized"));
			case USER -> {
				if (!sessions.isLive(principal.sessionId())) {
					throw LoupeException.unauthorized("Unauthorized");
				}
				yield principal;
			}
		};
		return Map.of("token", tokens.issue(current));
	}

	/** Always 201 with no body: whether the email has an account is not told. */
	@PostMapping("/auth/customer/emailpass/reset-password")
	@ResponseStatus(HttpStatus.CREATED)
	void requestReset(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("identifier", "metadata"));
		resets.request(body.text("identifier", 300));
	}

	/** Sets a new password with the reset token from the email, sent as {@code Authorization: Bearer <token>}. */
	@PostMapping("/auth/customer/emailpass/update")
	Map<String, Object> updatePassword(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("email", "password"));
		resets.reset(BearerToken.of(http.getHeader("Authorization")).orElse(null), body.text("password", 1000));
		return Map.of("success", true);
	}

	/**
	 * Sends the logged-in customer a new link to verify their email (Loupe's route; Medusa has none): 201, 400
	 * {@code not_allowed} when it is verified already, 429 after five in an hour.
	 */
	@PostMapping("/auth/customer/emailpass/verify-email/request")
	@ResponseStatus(HttpStatus.CREATED)
	void requestVerification(HttpServletRequest http) {
		Principal customer = Principal.of(http)
			.filter(p -> p.actorType() == Principal.ActorType.CUSTOMER && p.registered())
			.orElseThrow(() -> LoupeException.unauthorized("Unauthorized"));
		verifications.request(customer.authIdentityId());
	}

	/** Verifies an email with the token of the link ({@code token}); guest orders with it become the customer's. */
	@PostMapping("/auth/customer/emailpass/verify-email")
	Map<String, Object> verifyEmail(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("token"));
		CustomerEmailVerified verified = verifications.verify(body.text("token", 200));
		return Map.of("verified", true, "email", verified.email());
	}

	private static Map<String, Object> user(Principal p) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("actor_id", p.actorId());
		user.put("actor_type", p.actorType().code());
		user.put("auth_identity_id", p.authIdentityId());
		user.put("app_metadata", Map.of(p.actorType().code() + "_id", p.actorId()));
		return user;
	}

	private static ResponseCookie cookie(HttpServletRequest http, String value, Duration maxAge) {
		boolean secure = http.isSecure() || "https".equalsIgnoreCase(http.getHeader("X-Forwarded-Proto"));
		return ResponseCookie.from(SESSION_COOKIE, value).httpOnly(true).secure(secure).sameSite("Lax").path("/")
			.maxAge(maxAge).build();
	}
}
