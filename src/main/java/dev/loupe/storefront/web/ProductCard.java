package dev.loupe.storefront.web;

/** A product in a grid: its link, image and price in the visitor's region ("from" when variants differ). */
public record ProductCard(String title, String subtitle, String url, String image, String price, String originalPrice,
		boolean fromPrice, String badge) {
}
