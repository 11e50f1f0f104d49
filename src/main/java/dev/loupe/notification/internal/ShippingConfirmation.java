package dev.loupe.notification.internal;

/** Sent when a shipment leaves: the carrier, the tracking number and a link to follow it. */
public record ShippingConfirmation(OrderView order, String carrier, String trackingNumber, String trackingUrl)
		implements EmailTemplate {

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
		return text.append('\n').append(order.text(brand)).append("\n— ").append(brand.storeName()).append('\n')
			.toString();
	}
}
