package dev.loupe.storefront.web;

import java.util.List;

/** The customer's account: profile, order history and address book (with a form to add an address). */
public record AccountPage(Frame frame, String email, String firstName, String lastName, String phone,
		List<OrderRow> orders, List<SavedAddress> addresses, AddressForm form, List<CheckoutPage.Choice> countries,
		String message, String error) {

	public record OrderRow(String url, long number, String date, String status, String fulfillment, String total) {
	}

	public record SavedAddress(String id, List<String> lines) {
	}
}
