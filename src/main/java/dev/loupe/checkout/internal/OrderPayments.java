package dev.loupe.checkout.internal;

import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.order.PaymentStatus;
import dev.loupe.payment.PaymentCanceled;
import dev.loupe.payment.PaymentCaptured;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentRefunded;
import dev.loupe.platform.Money;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An order's payment status follows its payment collection: captures, refunds and cancellations (made by staff, by
 * the checkout, or reported by a provider's webhook) move it to captured, partially_captured, refunded,
 * partially_refunded or canceled. The status is computed from the collection's totals, not from the event, so a
 * redelivered or late event sets the same status again (a no-op) and never moves an order backwards; a move the
 * order's state machine refuses is logged. The listener runs right after the payment's transaction commits, in the
 * same thread, so a provider webhook that captures and refunds out of order sees its moves applied in order.
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

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(PaymentCaptured event) {
		follow(event.collectionId());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(PaymentRefunded event) {
		follow(event.collectionId());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(PaymentCanceled event) {
		follow(event.collectionId());
	}

	private void follow(String collectionId) {
		Optional<PaymentCollection> collection = payments.find(collectionId);
		if (collection.isEmpty()) {
			return;
		}
		PaymentCollection c = collection.get();
		// The checkout does not record the order on the collection; the cart names both.
		Optional<Order> order = (c.orderId() != null ? orders.find(c.orderId()) : orders.findByCart(c.cartId()))
			.filter(o -> collectionId.equals(o.paymentCollectionId()));
		PaymentStatus target = status(c);
		if (order.isEmpty() || target == null) {
			return;
		}
		PaymentStatus current = PaymentStatus.find(order.get().paymentStatus()).orElseThrow();
		if (current != target && current.canBecome(target)) {
			orders.setPaymentStatus(order.get().id(), target.wire(), ACTOR);
		}
		else if (current != target) {
			log.info("Order {} stays {} (its payment collection {} says {})", order.get().id(), current.wire(),
					collectionId, target.wire());
		}
	}

	/** The order payment status a collection's totals mean; null while nothing was captured or canceled. */
	static PaymentStatus status(PaymentCollection c) {
		if (c.status() == PaymentCollectionStatus.CANCELED) {
			return PaymentStatus.CANCELED;
		}
		if (c.refundedAmount().isPositive()) {
			return c.refundedAmount().compareTo(c.capturedAmount()) >= 0 ? PaymentStatus.REFUNDED
					: PaymentStatus.PARTIALLY_REFUNDED;
		}
		if (c.capturedAmount().isPositive()) {
			Money due = c.authorizedAmount().isPositive() ? c.authorizedAmount() : c.amount();
			return c.capturedAmount().compareTo(due) >= 0 ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_CAPTURED;
		}
		return null;
	}
}
