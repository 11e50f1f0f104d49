package dev.loupe.storefront.web;

/**
 * The mini-cart shown on a product page after adding to it (an htmx fragment): what was added, the cart's count and
 * subtotal, or why it could not be added.
 */
public record AddedToCart(String title, String variantTitle, String image, int quantity, int cartCount,
		String subtotal, String error) {
}
