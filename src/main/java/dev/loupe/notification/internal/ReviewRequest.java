package dev.loupe.notification.internal;

/** Sent some days after delivery: asks for a review of each product of the order. */
public record ReviewRequest(OrderView order) implements EmailTemplate {

	@Override
	public String name() {
		return "review-request";
	}

	@Override
	public String view() {
		return "reviewRequest";
	}

	@Override
	public String subject(Branding brand) {
		return "How do you like your order from " + brand.storeName() + "?";
	}

	@Override
	public String text(Branding brand) {
		StringBuilder text = new StringBuilder(order.greeting())
			.append("\n\nYou received order #").append(order.displayId())
			.append(" a few days ago. Would you tell other shoppers what you think of it?\n\n");
		for (OrderView.Line line : order.lines()) {
			text.append("- ").append(line.title());
			if (line.productUrl() != null) {
				text.append(": ").append(line.productUrl()).append("#reviews");
			}
			text.append('\n');
		}
		return text.append("\n— ").append(brand.storeName()).append('\n').toString();
	}
}
