package dev.loupe.adminapi.internal;

import dev.loupe.audit.Actor;
import dev.loupe.identity.SecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /admin} request must authenticate. Integrations send a secret API key as Medusa's clients do, as the
 * user name of HTTP Basic ({@code Authorization: Basic base64("sk_…:")}), or as a bearer token. Anything else is 401
 * {@code unauthorized}, with the same message whether the key is malformed, unknown or revoked.
 */
class AdminAuthFilter extends OncePerRequestFilter {

	static final String ACTOR = AdminAuthFilter.class.getName() + ".actor";

	private final SecretApiKeys keys;

	AdminAuthFilter(SecretApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<SecretApiKey> key = token(request.getHeader("Authorization")).flatMap(keys::authenticate);
		if (key.isEmpty()) {
			response.setStatus(401);
			response.setHeader("WWW-Authenticate", "Basic realm=\"Loupe Admin API\"");
			response.setContentType("application/json");
			byte[] body = "{\"type\":\"unauthorized\",\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			return;
		}
		request.setAttribute(ACTOR, Actor.apiKey(key.get().id()));
		chain.doFilter(request, response);
	}

	/** The key in an Authorization header, or empty when the header is absent or not of a known form. */
	static Optional<String> token(String header) {
		if (header == null || header.length() > 1000) {
			return Optional.empty();
		}
		int space = header.indexOf(' ');
		if (space < 0) {
			return Optional.empty();
		}
		String scheme = header.substring(0, space);
		String value = header.substring(space + 1).strip();
		if (scheme.equalsIgnoreCase("Bearer")) {
			return Optional.of(value);
		}
		if (scheme.equalsIgnoreCase("Basic")) {
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
