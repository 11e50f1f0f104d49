package dev.loupe.storefront.web;

import java.util.List;

/** An order as its buyer sees it: on the confirmation page, in the account and through the guest lookup. */
public record OrderPage(Frame frame, String id, long number, String status, String paymentStatus,
		String fulfillmentStatus, String email, String placedAt, List<CartPage.Line> lines, List<String> address,
		String shippingMethod, String subtotal, String discount, String shipping, String taxLabel, String tax, String total,
		List<String> codes, boolean confirmation) {
}
