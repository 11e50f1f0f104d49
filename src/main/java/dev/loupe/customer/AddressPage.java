package dev.loupe.customer;

import java.util.List;

/** One page of a customer's addresses, and how many match the filter in all. */
public record AddressPage(List<Address> addresses, long count) {

	public AddressPage {
		addresses = List.copyOf(addresses);
	}
}
