package dev.loupe.storefront.web;

import dev.loupe.catalog.Category;
import dev.loupe.market.Region;
import java.util.List;

/**
 * What every storefront page shows around its content: the head (title, description, canonical URL, Open Graph
 * image, JSON-LD), the header (search, categories, region selector, cart count, account) and the assets' URLs.
 */
public record Frame(String title, String description, String canonical, String image, String jsonLd, boolean noindex,
		String path, String query, Region region, List<Region> regions, List<Category> nav, int cartCount,
		boolean loggedIn, String css, String js, String htmx, String storeName) {

	public Frame withJsonLd(String json) {
		return new Frame(title, description, canonical, image, json, noindex, path, query, region, regions, nav,
				cartCount, loggedIn, css, js, htmx, storeName);
	}

	public Frame withImage(String url) {
		return new Frame(title, description, canonical, url, jsonLd, noindex, path, query, region, regions, nav,
				cartCount, loggedIn, css, js, htmx, storeName);
	}

	public Frame withQuery(String q) {
		return new Frame(title, description, canonical, image, jsonLd, noindex, path, q, region, regions, nav,
				cartCount, loggedIn, css, js, htmx, storeName);
	}

	public Frame withCartCount(int count) {
		return new Frame(title, description, canonical, image, jsonLd, noindex, path, query, region, regions, nav,
				count, loggedIn, css, js, htmx, storeName);
	}
}
