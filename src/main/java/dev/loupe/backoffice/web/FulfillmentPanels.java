package dev.loupe.backoffice.web;

import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.FulfillmentItem;
import dev.loupe.fulfillment.FulfillmentState;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.ShippingLabels;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.order.FulfillmentStatus;
import dev.loupe.order.Order;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Puts together the fulfilment panel of an order's page from the fulfilment and inventory modules. */
@Component
class FulfillmentPanels {

	private final Fulfillments fulfillments;
	private final ShippingLabels labels;
	private final StockSetup stock;

	FulfillmentPanels(Fulfillments fulfillments, ShippingLabels labels, StockSetup stock) {
		this.fulfillments = fulfillments;
		this.labels = labels;
		this.stock = stock;
	}

	FulfillmentPanel of(Order order, Staff staff) {
		List<StockLocation> locations = stock.locations();
		Map<String, String> names = locations.stream()
			.collect(Collectors.toMap(StockLocation::id, StockLocation::name, (a, b) -> a));
		Map<String, OrderLine> lines = order.items().stream()
			.collect(Collectors.toMap(OrderLine::id, l -> l, (a, b) -> a));
		List<FulfillmentPanel.Shipment> shipments = new ArrayList<>();
		Map<String, Integer> fulfilled = new HashMap<>();
		int number = 0;
		for (Fulfillment f : fulfillments.forOrder(order.id())) {
			List<FulfillmentPanel.Item> items = new ArrayList<>();
			for (FulfillmentItem i : f.items()) {
				OrderLine line = lines.get(i.lineId());
				items.add(new FulfillmentPanel.Item(line == null ? i.lineId() : title(line),
						line == null ? null : line.variantTitle(), line == null ? null : line.variantSku(), i.quantity()));
				if (f.state() != FulfillmentState.CANCELED) {
					fulfilled.merge(i.lineId(), i.quantity(), Integer::sum);
				}
			}
			String href = f.tracking() == null || f.tracking().url() == null
					|| !(f.tracking().url().startsWith("https://") || f.tracking().url().startsWith("http://")) ? null
							: f.tracking().url();
			shipments.add(new FulfillmentPanel.Shipment(++number, f,
					f.locationId() == null ? "—" : names.getOrDefault(f.locationId(), f.locationId()), items, href));
		}
		List<FulfillmentPanel.Remaining> remaining = order.items().stream()
			.map(l -> new FulfillmentPanel.Remaining(l.id(), title(l), l.variantTitle(), l.variantSku(), l.quantity(),
					fulfilled.getOrDefault(l.id(), 0)))
			.toList();
		boolean open = order.status() != OrderStatus.CANCELED && order.status() != OrderStatus.ARCHIVED
				&& !FulfillmentStatus.CANCELED.wire().equals(order.fulfillmentStatus());
		return new FulfillmentPanel(shipments, remaining, locations, staff.can(Permission.ORDERS_FULFILL), open,
				labels.available());
	}

	/** What happened to one fulfilment, for the order's timeline. */
	static List<OrderView.Event> timeline(FulfillmentPanel.Shipment s) {
		Fulfillment f = s.fulfillment();
		String name = "Fulfilment " + s.number();
		List<OrderView.Event> events = new ArrayList<>();
		events.add(new OrderView.Event(f.createdAt(), name + " created", s.units() + (s.units() == 1 ? " item" : " items")
				+ " from " + s.locationName(), f.createdBy() == null ? "" : f.createdBy(), "info"));
		if (f.shippedAt() != null) {
			String tracking = f.tracking() == null ? "" : java.util.stream.Stream.of(f.tracking().carrier(),
					f.tracking().number()).filter(t -> t != null).collect(Collectors.joining(" · "));
			events.add(new OrderView.Event(f.shippedAt(), name + " shipped", tracking, "", "success"));
		}
		if (f.deliveredAt() != null) {
			events.add(new OrderView.Event(f.deliveredAt(), name + " delivered", "", "", "success"));
		}
		if (f.canceledAt() != null) {
			events.add(new OrderView.Event(f.canceledAt(), name + " canceled", "", "", "danger"));
		}
		return events;
	}

	private static String title(OrderLine line) {
		return line.productTitle() == null ? line.title() : line.productTitle();
	}
}
