package dev.loupe.checkout.internal;

import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.payment.PaymentCanceled;
import dev.loupe.payment.PaymentCaptured;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentRefunded;
import dev.loupe.platform.LoupeException;
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
 * repeated or late event sets the same status (idempotent); a move the order's state machine refuses is logged.
 */
@Component
class OrderPayments {

	private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

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
		Optional<Order> order = orders.findByCart(collection.get().cartId())
			.filter(o -> collectionId.equals(o.paymentCollectionId()));
		String status = status(collection.get());
		if (order.isEmpty() || status == null) {
			return;
		}
		try {
			orders.setPaymentStatus(order.get().id(), status, Orders.CHECKOUT);
		}
		catch (LoupeException refused) {
			log.warn("The payment status of order {} does not follow collection {} to {}: {}", order.get().id(),
					collectionId, status, refused.getMessage());
		}
	}

	/** The order payment status a collection's totals mean; null while nothing was captured or canceled. */
	static String status(PaymentCollection c) {
		if (c.status() == PaymentCollectionStatus.CANCELED) {
			return "canceled";
		}
		if (c.refundedAmount().isPositive()) {
			return c.refundedAmount().compareTo(c.capturedAmount()) >= 0 ? "refunded" : "partially_refunded";
		}
		if (c.capturedAmount().isPositive()) {
			return c.capturedAmount().compareTo(c.authorizedAmount()) >= 0 ? "captured" : "partially_captured";
		}
		return null;
	}
}
