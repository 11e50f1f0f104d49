package dev.loupe.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caching headers of pages. A catalogue page seen without a cart or session cookie is the same for everyone in a
 * region (the region cookie is named by {@code Vary: Cookie}), so shared caches may keep it a minute; with a cart or
 * a session its header is personal (cart count, account) and only the browser may keep it, revalidating. Cart,
 * checkout and account pages are never stored.
 */
final class PageCaching {

	private PageCaching() {
	}

	static void catalogue(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Vary", "Cookie");
		response.setHeader("Cache-Control", Cookies.personal(request) ? "private, no-cache"
				: "public, max-age=60, stale-while-revalidate=300");
	}

	static void personal(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}
}
