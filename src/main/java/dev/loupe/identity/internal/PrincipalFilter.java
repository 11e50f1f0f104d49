package dev.loupe.identity.internal;

import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.Tokens;
import dev.loupe.platform.web.BearerToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller proven by a bearer token (or a session cookie) on the request ({@link Principal#of}). A missing, malformed, forged or
 * expired token leaves the request anonymous; routes that need a caller answer 401 themselves, so a stale token in a
 * storefront does not break browsing.
 */
class PrincipalFilter extends OncePerRequestFilter {

	static final String SESSION_COOKIE = "connect.sid";

	private final Tokens tokens;
	private final Sessions sessions;

	PrincipalFilter(Tokens tokens, Sessions sessions) {
		this.tokens = tokens;
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		Optional<String> bearer = BearerToken.of(header);
		if (bearer.isPresent()) {
			tokens.verify(bearer.get())
				.filter(p -> p.actorType() == Principal.ActorType.CUSTOMER || sessions.isLive(p.sessionId()))
				.ifPresent(p -> request.setAttribute(Principal.ATTRIBUTE, p));
		}
		else if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (SESSION_COOKIE.equals(cookie.getName())) {
					sessions.resolve(cookie.getValue()).ifPresent(p -> request.setAttribute(Principal.ATTRIBUTE, p));
				}
			}
		}
		chain.doFilter(request, response);
	}
}
