package dev.loupe.notification.internal;

/**
 * Sent when a shipment leaves: the carrier, the tracking number, a link to follow it and what the parcel holds
 * ({@code items}; empty when the whole order left at once), above the order's summary.
 */
public record ShippingConfirmation(OrderView order, String carrier, String trackingNumber, String trackingUrl,
		java.util.List<OrderView.Line> items) implements EmailTemplate {

	public ShippingConfirmation(OrderView order, String carrier, String trackingNumber, String trackingUrl) {
		this(order, carrier, trackingNumber, trackingUrl, java.util.List.of());
	}

	/** Whether the parcel holds only part of the order (then its items are listed). */
	public boolean partial() {
		return !items.isEmpty();
	}

	@Override
	public String name() {
		return "shipping-confirmation";
	}

	@Override
	public String view() {
		return "shippingConfirmation";
	}

	@Override
	public String subject(Branding brand) {
		return "Your " + brand.storeName() + " order #" + order.displayId() + " is on its way";
	}

	@Override
	public String text(Branding brand) {
		StringBuilder text = new StringBuilder(order.greeting()).append("\n\nYour order has shipped");
		if (carrier != null) {
			text.append(" with ").append(carrier);
		}
		text.append(".\n");
		if (trackingNumber != null) {
			text.append("Tracking number: ").append(trackingNumber).append('\n');
		}
		if (trackingUrl != null) {
			text.append("Track it: ").append(trackingUrl).append('\n');
		}
		if (partial()) {
			text.append("\nIn this shipment:\n");
			for (OrderView.Line l : items) {
				text.append(l.quantity()).append(" × ").append(l.title());
				if (l.variant() != null) {
					text.append(" (").append(l.variant()).append(')');
				}
				text.append('\n');
			}
			text.append("The rest of your order follows separately.\n");
		}
		return text.append('\n').append(order.text(brand)).append("\n— ").append(brand.storeName()).append('\n')
			.toString();
	}
}
