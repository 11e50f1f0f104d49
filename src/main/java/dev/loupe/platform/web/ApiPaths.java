package dev.loupe.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests belong to a JSON API (errors answered as {@code {type, message}}) and which to a page for people
 * (the storefront, the back office under {@code /app}: errors answered as HTML pages). Uploaded files
 * ({@code /files}) are fetched by programs and pages alike and keep the JSON answers.
 */
public final class ApiPaths {

	private static final String[] PREFIXES = { "/store", "/admin", "/auth", "/webhooks", "/health", "/actuator",
			"/files" };

	private ApiPaths() {
	}

	/** Whether this path (without the context path) is served by an API. */
	public static boolean isApi(String path) {
		if (path == null || path.isEmpty()) {
			return false;
		}
		for (String prefix : PREFIXES) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}

	/** Whether the request was for an API path. */
	public static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		if (uri != null && context != null && !context.isEmpty() && uri.startsWith(context)) {
			uri = uri.substring(context.length());
		}
		return isApi(uri);
	}
}
