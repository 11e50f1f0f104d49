package dev.loupe.notification.internal;

import dev.loupe.notification.OrderEmails;
import dev.loupe.order.OrderPlaced;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues the order confirmation once the order's transaction has committed, in a transaction of its own: rendering
 * adds nothing to the checkout's transaction and cannot fail it. The event stays in the outbox (the event
 * publication registry) until this returns, so a failure is retried; the message's dedup key makes that safe.
 */
@Component
class OrderConfirmations {

	private final OrderEmails emails;

	OrderConfirmations(OrderEmails emails) {
		this.emails = emails;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OrderPlaced event) {
		emails.confirm(event.orderId());
	}
}
