package dev.loupe.storeapi.internal;

import dev.loupe.cart.Shopper;
import dev.loupe.identity.Principal;
import jakarta.servlet.http.HttpServletRequest;

/** Who is shopping in a Store API request, for every route that reads carts (cart, shipping and payment routes). */
final class Shoppers {

	private Shoppers() {
	}

	/**
	 * The key's sales channels and the logged-in customer. A registration token or a staff token is no customer: such
	 * callers shop as guests.
	 */
	static Shopper of(HttpServletRequest http) {
		String customerId = Principal.customerId(http).orElse(null);
		String email = customerId == null ? null : Principal.of(http).map(Principal::email).orElse(null);
		return new Shopper(new StoreRequest(http).salesChannels(), customerId, email);
	}
}
