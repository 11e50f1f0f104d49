package dev.loupe.checkout;

import dev.loupe.cart.Cart;
import dev.loupe.order.Order;

/** How a completion ended: an order, or the cart back with the reason its payment was not authorised. */
public sealed interface Completion {

	/** The order placed for the cart (or placed earlier by a completion of the same cart). */
	record Placed(Order order) implements Completion {
	}

	/** The payment was not authorised: nothing was kept, and the cart can be completed again. */
	record PaymentFailed(Cart cart, String message) implements Completion {
	}
}
