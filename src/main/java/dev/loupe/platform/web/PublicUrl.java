package dev.loupe.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where clients reach this installation: the configured public URL, else the origin the request came to. */
public final class PublicUrl {

	private PublicUrl() {
	}

	/** The base URL without a trailing slash, e.g. {@code https://shop.example.com}. */
	public static String base(HttpServletRequest request, String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.replaceAll("/+$", "");
		}
		// Built by hand: this runs on every Store API request, and UriComponentsBuilder costs a dozen allocations.
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		String host = request.getServerName();
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
	}
}
