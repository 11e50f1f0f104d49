package dev.loupe.storefront.web;

import dev.loupe.cart.Shopper;
import dev.loupe.identity.Principal;
import dev.loupe.market.Region;
import java.util.List;

/**
 * Who is shopping in a storefront request: the chosen region (cookie, else the store's first), the storefront's
 * sales channels, the logged-in customer (session cookie) if any and the id of their cart (cookie) if any.
 */
public record Visit(Region region, List<Region> regions, List<String> salesChannelIds, Principal customer,
		String cartId) {

	public Shopper shopper() {
		return customer == null ? new Shopper(salesChannelIds, null, null)
				: new Shopper(salesChannelIds, customer.actorId(), customer.email());
	}

	public boolean loggedIn() {
		return customer != null;
	}
}
