package dev.loupe.backoffice.web;

import dev.loupe.fulfillment.OrderReturn;
import dev.loupe.fulfillment.ReturnStatus;
import dev.loupe.fulfillment.Returns;
import dev.loupe.inventory.StockLocation;
import dev.loupe.order.Order;
import dev.loupe.order.OrderLine;
import dev.loupe.platform.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The returns panel of an order's page: its returns with their items, and what may still be returned per line, the
 * stock locations to restock to and what may still be refunded, for the "Create return" dialog.
 */
public record ReturnsPanel(Order order, List<Shown> returns, List<Returnable> returnable, List<StockLocation> locations,
		Money refundable, boolean canWrite) {

	/** A return as the page shows it, with its lines' titles. */
	public record Shown(OrderReturn ret, int number, List<String> items, String locationName, String reasonLabel) {

		public boolean requested() {
			return ret.status() == ReturnStatus.REQUESTED;
		}

		public boolean received() {
			return ret.status() == ReturnStatus.RECEIVED;
		}

		public boolean refundPending() {
			return "pending".equals(ret.refundStatus());
		}
	}

	/** A line with how many may still be returned. */
	public record Returnable(String lineId, String title, String variant, int left, Money unitValue) {
	}

	public boolean canCreate() {
		return canWrite && returnable.stream().anyMatch(r -> r.left() > 0);
	}

	static ReturnsPanel of(Order order, List<OrderReturn> all, Map<String, Integer> left, List<StockLocation> locations,
			Money refundable, boolean canWrite) {
		List<Shown> shown = new ArrayList<>();
		int n = 0;
		for (OrderReturn r : all) {
			List<String> items = new ArrayList<>();
			for (OrderReturn.Item i : r.items()) {
				String title = order.items().stream().filter(l -> l.id().equals(i.lineId())).findFirst()
					.map(l -> l.title() + (l.variantTitle() == null ? "" : " · " + l.variantTitle()))
					.orElse(i.lineId());
				items.add(i.quantity() + " × " + title);
			}
			String location = r.locationId() == null ? null
					: locations.stream().filter(l -> l.id().equals(r.locationId())).map(StockLocation::name).findFirst()
						.orElse(r.locationId());
			shown.add(new Shown(r, ++n, items, location, Returns.REASONS.getOrDefault(r.reason(), r.reason())));
		}
		List<Returnable> rows = new ArrayList<>();
		for (OrderLine line : order.items()) {
			int l = left.getOrDefault(line.id(), 0);
			Money unit = Returns.value(order, List.of(new Returns.Request(line.id(), 1)));
			rows.add(new Returnable(line.id(), line.title(), line.variantTitle(), l, unit));
		}
		return new ReturnsPanel(order, shown, rows, locations, refundable, canWrite);
	}
}
