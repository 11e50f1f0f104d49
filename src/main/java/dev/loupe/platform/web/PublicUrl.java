package dev.loupe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where clients reach this installation: the configured public URL, else the origin the request came to. */
public final class PublicUrl {

	private PublicUrl() {
	}

	/** The base URL without a trailing slash, e.g. {@code https://shop.example.com}. */
	public static String base(HttpServletRequest request, String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.replaceAll("/+$", "");
		}
		return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
	}
}
