package dev.loupe.notification.internal;

import java.time.Instant;

/** Sent when the carrier reports the shipment delivered. */
public record DeliveryNotification(OrderView order, Instant deliveredAt) implements EmailTemplate {

	@Override
	public String name() {
		return "delivery-notification";
	}

	@Override
	public String view() {
		return "deliveryNotification";
	}

	@Override
	public String subject(Branding brand) {
		return "Your " + brand.storeName() + " order #" + order.displayId() + " was delivered";
	}

	@Override
	public String text(Branding brand) {
		return order.greeting() + "\n\nYour order was delivered on " + brand.date(deliveredAt)
				+ ". We hope you enjoy it.\n\n" + order.text(brand) + "\n— " + brand.storeName() + "\n";
	}
}
