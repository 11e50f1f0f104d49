package dev.loupe.notification.internal;

/** Sent when an order is placed: what was bought, the totals, where it goes. */
public record OrderConfirmation(OrderView order) implements EmailTemplate {

	@Override
	public String name() {
		return "order-confirmation";
	}

	@Override
	public String view() {
		return "orderConfirmation";
	}

	@Override
	public String subject(Branding brand) {
		return "Your " + brand.storeName() + " order #" + order.displayId();
	}

	@Override
	public String text(Branding brand) {
		return order.greeting() + "\n\nThank you for your order. We will let you know when it ships.\n\n"
				+ order.text(brand) + "\n— " + brand.storeName() + "\n";
	}
}
