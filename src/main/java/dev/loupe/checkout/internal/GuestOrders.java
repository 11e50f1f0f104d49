package dev.loupe.checkout.internal;

import dev.loupe.identity.CustomerEmailVerified;
import dev.loupe.order.Orders;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer who verifies their email gets the orders they placed as a guest with it, in the transaction that
 * verifies it: the account's order history shows them at once, and nobody gets them from an address they only typed.
 */
@Component
class GuestOrders {

	private final Orders orders;

	GuestOrders(Orders orders) {
		this.orders = orders;
	}

	@EventListener
	void on(CustomerEmailVerified event) {
		orders.attachGuestOrders(event.customerId(), event.email(), "customer:" + event.customerId());
	}
}
