package dev.loupe.checkout.internal;

import dev.loupe.checkout.Checkout;
import dev.loupe.payment.PaymentSucceededAtProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A cart paid at the provider whose completion never came (the shopper closed the tab after paying) is completed
 * when the provider's webhook says so. Synchronous, in the webhook's processing: a failure makes the webhook inbox
 * retry it; completion is idempotent per cart, so exactly one order exists whichever comes first.
 */
@Component
class PaidCarts {

	private final Checkout checkout;

	PaidCarts(Checkout checkout) {
		this.checkout = checkout;
	}

	@EventListener
	void on(PaymentSucceededAtProvider event) {
		checkout.completePaid(event.cartId());
	}
}
