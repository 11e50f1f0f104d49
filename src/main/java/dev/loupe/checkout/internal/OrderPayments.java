package dev.loupe.checkout.internal;

import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.order.PaymentStatus;
import dev.loupe.payment.PaymentCaptured;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentRefunded;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an order's payment status in step with its payment collection once staff (or a provider) capture or refund:
 * captured in full or in part, refunded in full or in part. Reads the collection's totals rather than the event's
 * amount, so a redelivered or late event sets the same status again (a no-op) and never moves an order backwards.
 */
@Component
class OrderPayments {

	private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);
	static final String ACTOR = "payment";

	private final Orders orders;
	private final PaymentCollections payments;

	OrderPayments(Orders orders, PaymentCollections payments) {
		this.orders = orders;
		this.payments = payments;
	}

	@ApplicationModuleListener
	void on(PaymentCaptured event) {
		update(event.collectionId());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded event) {
		update(event.collectionId());
	}

	private void update(String collectionId) {
		Optional<PaymentCollection> collection = payments.find(collectionId);
		if (collection.isEmpty()) {
			return;
		}
		PaymentCollection c = collection.get();
		// The checkout does not record the order on the collection; the cart names both.
		Order order = (c.orderId() != null ? orders.find(c.orderId()) : orders.findByCart(c.cartId())).orElse(null);
		if (order == null) {
			return;
		}
		PaymentStatus target = status(c);
		PaymentStatus current = PaymentStatus.find(order.paymentStatus()).orElseThrow();
		if (current != target && current.canBecome(target)) {
			orders.setPaymentStatus(order.id(), target.wire(), ACTOR);
		}
		else if (current != target) {
			log.info("Order {} stays {} (its payment collection says {})", order.id(), current.wire(), target.wire());
		}
	}

	static PaymentStatus status(PaymentCollection c) {
		if (c.refundedAmount().isPositive()) {
			return c.refundedAmount().compareTo(c.capturedAmount()) >= 0 ? PaymentStatus.REFUNDED
					: PaymentStatus.PARTIALLY_REFUNDED;
		}
		return c.capturedAmount().compareTo(c.amount()) >= 0 ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_CAPTURED;
	}
}
