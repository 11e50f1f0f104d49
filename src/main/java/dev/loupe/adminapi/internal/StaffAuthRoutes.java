package dev.loupe.adminapi.internal;

import dev.loupe.identity.StaffInvites;
import dev.loupe.identity.StaffLogins;
import dev.loupe.identity.StaffUser;
import dev.loupe.identity.Tokens;
import dev.loupe.platform.Input;
import dev.loupe.platform.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/user/emailpass}: staff log in for the Admin API and get an access token (the token lifetime,
 * renewable with {@code POST /auth/token/refresh} while the 8-hour session lives; {@code DELETE /auth/session} ends it).
 */
@RestController
class StaffAuthRoutes {

	private final StaffLogins logins;
	private final StaffInvites invites;
	private final Tokens tokens;
	private final JsonBodies bodies;

	StaffAuthRoutes(StaffLogins logins, StaffInvites invites, Tokens tokens, JsonBodies bodies) {
		this.logins = logins;
		this.invites = invites;
		this.tokens = tokens;
		this.bodies = bodies;
	}

	/** Accepts an invitation with the token from its email: creates the member of staff and logs them in. */
	@PostMapping("/auth/user/invite/accept")
	Map<String, Object> acceptInvite(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("token", "password", "first_name", "last_name"));
		StaffUser user = invites.accept(body.text("token", 100), body.text("password", 1000), body.text("first_name", 200),
				body.text("last_name", 200));
		return Map.of("token", tokens.issue(logins.login(user.email(), body.text("password", 1000), http.getRemoteAddr())));
	}

	@PostMapping("/auth/user/emailpass")
	Map<String, Object> login(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("email", "password"));
		return Map.of("token", tokens.issue(logins.login(body.text("email", 300), body.text("password", 1000),
				http.getRemoteAddr())));
	}
}
