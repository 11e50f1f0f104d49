package dev.loupe.backoffice.web;

import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.FulfillmentState;
import dev.loupe.inventory.StockLocation;
import java.util.List;

/**
 * The fulfilment panel of an order's page: its fulfilments (oldest first, numbered), what is left to fulfil per
 * line, the stock locations to fulfil from, and what the signed-in member of staff may do. {@code canFulfil} is the
 * role's permission; {@code open} whether the order may still be fulfilled at all (not canceled or archived).
 */
public record FulfillmentPanel(List<Shipment> shipments, List<Remaining> remaining, List<StockLocation> locations,
		boolean canFulfil, boolean open, boolean labelsAvailable) {

	/** One fulfilment as the panel shows it. */
	public record Shipment(int number, Fulfillment fulfillment, String locationName, List<Item> items,
			String trackingHref) {

		public String state() {
			return fulfillment.state().wire();
		}

		public boolean created() {
			return fulfillment.state() == FulfillmentState.CREATED;
		}

		public int units() {
			return items.stream().mapToInt(Item::quantity).sum();
		}
	}

	/** A line of a fulfilment. */
	public record Item(String title, String variant, String sku, int quantity) {
	}

	/** An order line and how much of it is fulfilled (canceled fulfilments do not count) and left. */
	public record Remaining(String lineId, String title, String variant, String sku, int ordered, int fulfilled) {

		public int left() {
			return Math.max(0, ordered - fulfilled);
		}
	}

	public boolean anyLeft() {
		return remaining.stream().anyMatch(r -> r.left() > 0);
	}

	/** Whether "Create fulfilment" is offered. */
	public boolean canCreate() {
		return canFulfil && open && anyLeft();
	}

	public boolean canBuyLabel(Shipment s) {
		return canFulfil && labelsAvailable && s.created() && !s.fulfillment().hasLabel();
	}

	public boolean canShip(Shipment s) {
		return canFulfil && s.created();
	}

	public boolean canDeliver(Shipment s) {
		return canFulfil && (s.created() || s.fulfillment().state() == FulfillmentState.SHIPPED);
	}

	public boolean canCancel(Shipment s) {
		return canFulfil && s.created() && !s.fulfillment().hasLabel();
	}

	/** Whether a created fulfilment waits for a label that cannot be bought here (EasyPost off). */
	public boolean labelsMissing(Shipment s) {
		return canFulfil && !labelsAvailable && s.created() && !s.fulfillment().hasLabel();
	}
}
