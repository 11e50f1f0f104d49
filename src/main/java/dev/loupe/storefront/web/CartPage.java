package dev.loupe.storefront.web;

import java.util.List;

/** The cart page: lines with quantity forms, promotion codes, and totals with tax and a shipping estimate. */
public record CartPage(Frame frame, List<Line> lines, List<String> codes, String subtotal, String discount,
		String shipping, String tax, String taxLabel, String total, String error, String codeError) {

	/** A line of the cart as shown. */
	public record Line(String id, String title, String variantTitle, String url, String image, int quantity,
			String unitPrice, String total, int max) {
	}

	public boolean empty() {
		return lines.isEmpty();
	}
}
