package dev.loupe.backoffice.web;

import dev.loupe.inventory.Reservation;

/** One open reservation with the names staff know it by; the reference is the order that holds it. */
public record ReservationRow(Reservation reservation, String product, String variant, String sku, String location) {

	/** Whether the reference is an order the back office can open. */
	public boolean isOrder() {
		return reservation.reference().startsWith("order_");
	}
}
