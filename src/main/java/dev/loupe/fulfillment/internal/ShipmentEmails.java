package dev.loupe.fulfillment.internal;

import dev.loupe.fulfillment.ShipmentDelivered;
import dev.loupe.fulfillment.ShipmentShipped;
import dev.loupe.notification.OrderEmails;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the shopper when a fulfilment ships (with its tracking) and when it is delivered, after the change commits,
 * through the outbox. {@link OrderEmails} queues each email once per fulfilment, so a redelivered event sends nothing
 * twice.
 */
@Component
class ShipmentEmails {

	private final OrderEmails emails;

	ShipmentEmails(OrderEmails emails) {
		this.emails = emails;
	}

	@ApplicationModuleListener
	void on(ShipmentShipped event) {
		java.util.Map<String, Integer> quantities = new java.util.HashMap<>();
		event.items().forEach(item -> quantities.merge(item.lineId(), item.quantity(), Integer::sum));
		emails.shipped(event.orderId(), event.fulfillmentId(), event.carrier(), event.trackingNumber(),
				event.trackingUrl(), quantities);
	}

	@ApplicationModuleListener
	void on(ShipmentDelivered event) {
		emails.delivered(event.orderId(), event.fulfillmentId(), event.deliveredAt());
	}
}
