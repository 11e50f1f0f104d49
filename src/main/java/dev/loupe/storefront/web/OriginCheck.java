package dev.loupe.storefront.web;

import dev.loupe.platform.web.ApiPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The storefront's defence against cross-site request forgery (ADR 016): its cookies are {@code SameSite=Lax}, so a
 * cross-site form POST carries none of them, and every state-changing request to a storefront page must come from
 * one of the storefront's own pages: its {@code Origin} (or, when a browser sends none, its {@code Referer}) must
 * name this host. A request with neither is refused too. API paths have their own authentication, and the back office ({@code /app}) its own rules: both are left
 * alone.
 */
class OriginCheck extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || ApiPaths.isApi(request)
				|| request.getRequestURI().startsWith("/app/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader("Origin");
		String source = origin != null && !origin.isBlank() && !"null".equals(origin) ? origin : request.getHeader("Referer");
		if (source == null || !sameHost(source, request)) {
			response.setStatus(403);
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Cache-Control", "no-store");
			byte[] body = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Request refused</title>"
					+ "<link rel=\"stylesheet\" href=\"/assets/shop.css\"><main class=\"container narrow error-page\">"
					+ "<h1>Request refused</h1><p>This form was not sent from our shop. Please go back, reload the page "
					+ "and try again.</p><p><a class=\"button\" href=\"/\">Back to the shop</a></p></main></html>")
				.getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the URL names the host (and port) the request was sent to, as the browser saw it. */
	static boolean sameHost(String url, HttpServletRequest request) {
		try {
			URI uri = URI.create(url.strip());
			if (uri.getHost() == null) {
				return false;
			}
			String host = request.getHeader("X-Forwarded-Host");
			if (host == null || host.isBlank()) {
				host = request.getHeader("Host");
			}
			if (host == null) {
				return false;
			}
			String expected = host.strip().toLowerCase(Locale.ROOT);
			String actual = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
			return expected.equals(actual) || (uri.getPort() < 0 && expected.equals(actual + ":" + defaultPort(uri)))
					|| (expected.indexOf(':') < 0 && actual.equals(expected + ":" + defaultPort(uri)));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static int defaultPort(URI uri) {
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}
}
