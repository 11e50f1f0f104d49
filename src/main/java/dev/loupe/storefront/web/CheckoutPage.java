package dev.loupe.storefront.web;

import java.util.List;

/**
 * The one-page checkout: contact and address, shipping method, payment and review, the current step open and the
 * finished ones summarised with a link to change them.
 */
public record CheckoutPage(Frame frame, String cartId, String step, CartPage cart, AddressForm form,
		List<Choice> countries, List<Choice> shippingOptions, List<Choice> paymentProviders, String addressSummary,
		String shippingSummary, String paymentSummary, String error, boolean requiresShipping, String postalLabel,
		List<String> shippingNotices) {

	/** A choice of a select or radio group. {@code partial} names a template a payment provider renders (Stripe). */
	public record Choice(String value, String label, String note, String price, boolean selected, String partial) {
	}

	public boolean at(String name) {
		return step.equals(name);
	}

	/** Whether a step is finished (before the current one). */
	public boolean done(String name) {
		List<String> order = requiresShipping ? List.of("address", "shipping", "payment", "review")
				: List.of("address", "payment", "review");
		return order.indexOf(name) >= 0 && order.indexOf(name) < order.indexOf(step);
	}
}
