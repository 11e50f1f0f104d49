package dev.loupe.checkout.internal;

import dev.loupe.inventory.Reservations;
import dev.loupe.order.Order;
import dev.loupe.order.OrderCanceled;
import dev.loupe.order.Orders;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.LoupeException;
import dev.loupe.promotion.Promotions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a canceled order gives back: its reserved stock, its promotions' usage, and its payment (voided while only
 * authorised). Runs after the cancellation commits, outside any transaction (payment providers are never called
 * inside one); the event is in the outbox until this returns, so a failure is retried, and every step is idempotent.
 * A captured payment cannot be voided: it is left for a refund by staff, and the log says so.
 */
@Component
class OrderCancellations {

	private static final Logger log = LoggerFactory.getLogger(OrderCancellations.class);

	private final Orders orders;
	private final Reservations reservations;
	private final Promotions promotions;
	private final PaymentCollections payments;

	OrderCancellations(Orders orders, Reservations reservations, Promotions promotions, PaymentCollections payments) {
		this.orders = orders;
		this.reservations = reservations;
		this.promotions = promotions;
		this.payments = payments;
	}

	@TransactionalEventListener
	void on(OrderCanceled event) {
		Order order = orders.find(event.orderId()).orElse(null);
		if (order == null) {
			return;
		}
		reservations.release(order.id(), "order canceled");
		promotions.releaseUsage(order.id());
		if (order.paymentCollectionId() == null) {
			return;
		}
		try {
			payments.cancel(order.paymentCollectionId());
			orders.setPaymentStatus(order.id(), "canceled", Orders.CHECKOUT);
		}
		catch (LoupeException refused) {
			log.warn("The payment of canceled order {} was not voided ({}); refund it", order.id(), refused.getMessage());
		}
	}
}
