package dev.loupe.storeapi.internal;

import dev.loupe.platform.LoupeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers product listings and details that are in the response cache before Spring MVC is reached: a hit then costs
 * the key lookup and a write, not handler mapping, argument resolution and message conversion (half the CPU time of
 * a cached response). Misses, and everything else, go on to the routes, which fill the cache under the same key.
 * Runs after the publishable-key filter, whose sales channels are part of the key.
 */
class CachedResponseFilter extends OncePerRequestFilter {

	private final ResponseCache cache;
	private final LoupeProperties properties;

	CachedResponseFilter(ResponseCache cache, LoupeProperties properties) {
		this.cache = cache;
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod());
	}

	@Override
	@SuppressWarnings("unchecked")
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> channels = (List<String>) request.getAttribute(StoreRequest.CHANNELS);
		if (channels != null) {
			Optional<byte[]> hit = cache.peek(ResponseCache.key(request, properties.publicUrl(), channels));
			if (hit.isPresent()) {
				ProductRoutes.write(response, hit.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
