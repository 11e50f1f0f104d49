package dev.loupe.identity.internal;

import dev.loupe.identity.Principal;
import dev.loupe.identity.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller proven by a bearer token on the request ({@link Principal#of}). A missing, malformed, forged or
 * expired token leaves the request anonymous; routes that need a caller answer 401 themselves, so a stale token in a
 * storefront does not break browsing.
 */
class PrincipalFilter extends OncePerRequestFilter {

	private final Tokens tokens;

	PrincipalFilter(Tokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.verify(header.substring(7).strip()).ifPresent(p -> request.setAttribute(Principal.ATTRIBUTE, p));
		}
		chain.doFilter(request, response);
	}
}
