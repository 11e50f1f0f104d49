package dev.loupe.storeapi.internal;

import dev.loupe.market.Markets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /store} request must carry a live publishable key; the key scopes the request to its sales channels.
 * Refusals answer as Medusa does: 400 {@code not_allowed}.
 */
class PublishableKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "x-publishable-api-key";

	private final Markets markets;

	PublishableKeyFilter(Markets markets) {
		this.markets = markets;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader(HEADER);
		if (token == null || token.isBlank()) {
			refuse(response, "Publishable API key required in the request header: " + HEADER
					+ ". You can manage your keys in settings in the dashboard.");
			return;
		}
		Optional<List<String>> channels = markets.salesChannelsOfKey(token.strip());
		if (channels.isEmpty()) {
			refuse(response, "A valid publishable key is required to proceed with the request");
			return;
		}
		request.setAttribute(StoreRequest.CHANNELS, channels.get());
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String message) throws IOException {
		response.setStatus(400);
		response.setContentType("application/json");
		byte[] body = ("{\"type\":\"not_allowed\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
