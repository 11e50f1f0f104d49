package dev.loupe.adminapi.internal;

import dev.loupe.audit.Actor;
import dev.loupe.identity.Permission;
import dev.loupe.identity.SecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.identity.StaffLogins;
import dev.loupe.identity.StaffUser;
import dev.loupe.identity.Tokens;
import dev.loupe.platform.web.BearerToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /admin} request must authenticate, and staff must hold the permission of the route
 * ({@link AdminPermissions}). Integrations send a secret API key as Medusa's clients do, as the user name of HTTP
 * Basic ({@code Authorization: Basic base64("sk_…:")}), or as a bearer token; staff send the access token of
 * {@code POST /auth/user/emailpass}, whose session must still be live. Anything else is 401 {@code unauthorized},
 * with the same message whether the credential is malformed, unknown, expired or revoked; a known caller without
 * the permission (of their role, or of the key's scopes) gets 403 {@code forbidden}.
 */
class AdminAuthFilter extends OncePerRequestFilter {

	static final String ACTOR = AdminAuthFilter.class.getName() + ".actor";

	private final SecretApiKeys keys;
	private final Tokens tokens;
	private final StaffLogins staff;

	AdminAuthFilter(SecretApiKeys keys, Tokens tokens, StaffLogins staff) {
		this.keys = keys;
		this.tokens = tokens;
		this.staff = staff;
	}

	/**
	 * The Admin API's OpenAPI document and its Swagger UI page are public: they describe the routes, hold no data and
	 * no secret (ADR 005). Only reads; anything else under these paths is authenticated like every route.
	 */
	private static final java.util.regex.Pattern PUBLIC = java.util.regex.Pattern
		.compile("/admin/(openapi\\.json(\\.yaml)?(/[A-Za-z0-9_-]+)?|docs|swagger-ui/[A-Za-z0-9._/-]*)");

	static boolean isPublic(String method, String uri) {
		return ("GET".equals(method) || "HEAD".equals(method)) && uri != null && !uri.contains("..")
				&& PUBLIC.matcher(uri).matches();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return isPublic(request.getMethod(), request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> credential = token(request.getHeader("Authorization"));
		Actor actor = null;
		Predicate<Permission> granted = null;
		String who = null;
		if (credential.isPresent() && credential.get().startsWith("sk_")) {
			Optional<SecretApiKey> key = keys.authenticate(credential.get());
			if (key.isPresent()) {
				actor = Actor.apiKey(key.get().id());
				granted = key.get()::can;
				who = "This API key's scopes";
			}
		}
		else if (credential.isPresent()) {
			Optional<StaffUser> user = tokens.verify(credential.get()).flatMap(staff::user);
			if (user.isPresent()) {
				actor = Actor.staff(user.get().id());
				granted = user.get().role()::can;
				who = "Your role (" + user.get().role().code() + ")";
			}
		}
		if (actor == null) {
			refuse(response, 401, "unauthorized", "Unauthorized");
			return;
		}
		if (!allowed(granted, request)) {
			refuse(response, 403, "forbidden", who + " may not " + request.getMethod() + " "
					+ request.getRequestURI().replaceAll("[^A-Za-z0-9/_.-]", "?"));
			return;
		}
		request.setAttribute(ACTOR, actor);
		chain.doFilter(request, response);
	}

	/** A route outside the permission table needs every permission (admins, keys with full scope). */
	private static boolean allowed(Predicate<Permission> granted, HttpServletRequest request) {
		Optional<Permission> needed = AdminPermissions.required(request.getMethod(), request.getRequestURI());
		return needed.map(granted::test).orElseGet(() -> java.util.Arrays.stream(Permission.values()).allMatch(granted));
	}

	private static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"Loupe Admin API\"");
		}
		response.setContentType("application/json");
		byte[] body = ("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The credential in an Authorization header, or empty when the header is absent or not of a known form. */
	static Optional<String> token(String header) {
		if (header == null || header.length() > 5000) {
			return Optional.empty();
		}
		int space = header.indexOf(' ');
		if (space < 0) {
			return Optional.empty();
		}
		Optional<String> bearer = BearerToken.of(header);
		if (bearer.isPresent()) {
			return bearer;
		}
		String value = header.substring(space + 1).strip();
		if (header.substring(0, space).equalsIgnoreCase("Basic")) {
			try {
				String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
			}
			catch (IllegalArgumentException notBase64) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}
}
