package dev.loupe.inventory;

import java.util.List;

/**
 * Staff or an import changed stocked quantities (set, counted or adjusted levels). Published in the transaction that
 * made the change, so caches of pages that show stock state ("only 3 left", "sold out") can drop them after the
 * commit. Reservations and their release at checkout do not publish it: they are frequent, and readers that cache
 * stock state bound its age with an expiry instead (ADR 017).
 *
 * @param variantIds the variants whose stocked quantity changed
 */
public record StockChanged(List<String> variantIds) {

	public StockChanged {
		variantIds = List.copyOf(variantIds);
	}
}
