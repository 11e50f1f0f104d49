package dev.loupe.cart;

import java.util.List;

/**
 * Who is asking for a cart: the sales channels of the storefront's publishable key and the logged-in customer, if
 * any ({@code customerId} and {@code email} null for a guest).
 */
public record Shopper(List<String> salesChannelIds, String customerId, String email) {

	public Shopper {
		salesChannelIds = List.copyOf(salesChannelIds);
	}

	public boolean isLoggedIn() {
		return customerId != null;
	}
}
