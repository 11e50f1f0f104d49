package dev.loupe.demo.internal;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderAmounts;
import dev.loupe.order.OrderChange;
import dev.loupe.order.OrderImport;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderShippingMethod;
import dev.loupe.order.OrderStatus;
import dev.loupe.order.OrderTotals;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Generates a large order history for benchmarks: guest orders over the last year, oldest first (so display ids
 * grow with the date), one to three lines of real catalogue variants each, a shipping method, encrypted addresses,
 * some 40,000 distinct shoppers' emails, and the spread of statuses a live store has — with the history entries
 * that lead there. Amounts carry no tax and no discount, so every total adds up. No payment collection or
 * fulfilment rows are made: the order page shows these orders, but capture, refund and fulfilment need a checkout.
 */
@Component
public class SyntheticOrders {

	private static final int CHUNK = 2000;
	private static final String[] FIRST = { "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Grace", "Hugo", "Ida",
			"Jonas", "Karin", "Lars", "Maja", "Noah", "Olivia", "Peter", "Rosa", "Sami", "Tove", "Viktor", "Wilma",
			"Yusuf", "Zoe", "Mads", "Freja", "Oscar", "Alma", "Emil", "Nora", "Liam" };
	private static final String[] LAST = { "Andersen", "Berg", "Christensen", "Dahl", "Eriksen", "Fischer", "Gray",
			"Hansen", "Iversen", "Jensen", "Kowalski", "Larsen", "Meyer", "Nielsen", "Olsen", "Petersen", "Quist",
			"Rasmussen", "Schmidt", "Thomsen", "Urban", "Vestergaard", "Walker", "Young", "Zimmermann" };
	private static final String[] STREETS = { "Nørregade", "High Street", "Main Street", "Bahnhofstraße", "Rue de la Paix",
			"Vesterbrogade", "Elm Avenue", "King's Road", "Strandvejen", "Market Lane" };
	private static final String[] CITIES = { "Copenhagen", "Aarhus", "London", "Berlin", "Paris", "New York", "Boston",
			"Hamburg", "Manchester", "Odense" };

	private final OrderImport orders;
	private final CatalogAdmin catalog;
	private final Markets markets;

	SyntheticOrders(OrderImport orders, CatalogAdmin catalog, Markets markets) {
		this.orders = orders;
		this.catalog = catalog;
		this.markets = markets;
	}

	/** A variant as an order line needs it. */
	private record Item(Product product, Product.Variant variant, int basePrice) {
	}

	/** Adds {@code count} orders dated over the last year, reporting the number done after each chunk. */
	public void generate(int count, LongConsumer progress) {
		String channel = markets.firstSalesChannelId()
			.orElseThrow(() -> new IllegalStateException("No sales channel: load the demo store first"));
		List<Region> regions = markets.regions();
		if (regions.isEmpty()) {
			throw new IllegalStateException("No region: load the demo store first");
		}
		SplittableRandom random = new SplittableRandom(8);
		List<Item> items = new ArrayList<>();
		for (Product p : catalog.products(null, List.of("published"), 200, 0)) {
			for (Product.Variant v : p.variants()) {
				items.add(new Item(p, v, 9 + random.nextInt(290)));
			}
		}
		if (items.isEmpty()) {
			throw new IllegalStateException("No published product to order: load the demo store first");
		}
		Instant now = Instant.now();
		long span = Duration.ofDays(365).toSeconds();
		for (int from = 0; from < count; from += CHUNK) {
			int size = Math.min(CHUNK, count - from);
			List<Order> batch = new ArrayList<>(size);
			List<OrderChange> history = new ArrayList<>(size * 5);
			for (int i = 0; i < size; i++) {
				int n = from + i;
				// Oldest first, a little jitter; the newest are minutes old.
				Instant at = now.minusSeconds(span - span * n / count + random.nextInt(60));
				order(n, at, now, channel, regions.get(random.nextInt(regions.size())), items, random, batch, history);
			}
			orders.insert(batch, history);
			progress.accept(from + size);
		}
	}

	private static void order(int n, Instant at, Instant now, String channel, Region region, List<Item> items,
			SplittableRandom random, List<Order> batch, List<OrderChange> history) {
		String currency = region.currencyCode();
		int shopper = random.nextInt(40_000);
		String first = FIRST[shopper % FIRST.length];
		String last = LAST[(shopper / FIRST.length) % LAST.length];
		String email = (first + "." + last + "." + shopper + "@example.com").toLowerCase(Locale.ROOT);
		String country = region.countries().isEmpty() ? "us" : region.countries().get(shopper % region.countries().size()).iso2();
		OrderAddress address = new OrderAddress(first, last, "+45 " + (20_000_000 + shopper), null,
				(1 + shopper % 120) + " " + STREETS[shopper % STREETS.length], null, CITIES[shopper % CITIES.length],
				country, null, Integer.toString(1000 + shopper % 8999), Map.of(), Ids.next("ordaddr"));
		List<OrderLine> lines = new ArrayList<>();
		Money itemTotal = Money.zero(currency);
		int count = 1 + random.nextInt(3);
		for (int l = 0; l < count; l++) {
			Item item = items.get(random.nextInt(items.size()));
			int quantity = 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
			Money unit = Money.of(java.math.BigDecimal.valueOf(item.basePrice()), currency);
			Money total = unit.times(quantity);
			itemTotal = itemTotal.plus(total);
			lines.add(new OrderLine(Ids.next("ordli"), item.variant().id(), item.product().id(),
					item.product().title(), item.variant().title(), item.product().thumbnail(), item.product().title(),
					item.product().handle(), item.variant().title(), item.variant().sku(), quantity, unit, false, true,
					true, List.of(), List.of(), amounts(total), Map.of()));
		}
		Money shipping = Money.of(java.math.BigDecimal.valueOf(5 + 5 * random.nextInt(3)), currency);
		OrderShippingMethod method = new OrderShippingMethod(Ids.next("ordsm"), null,
				shipping.amount().intValue() > 5 ? "Express shipping" : "Standard shipping", shipping, false, List.of(),
				List.of(), amounts(shipping), Map.of());
		Money zero = Money.zero(currency);
		Money total = itemTotal.plus(shipping);
		OrderTotals totals = new OrderTotals(itemTotal, zero, itemTotal, itemTotal, zero, itemTotal, shipping, zero,
				shipping, shipping, zero, shipping, zero, zero, total, zero, total, total, zero, total);

		// Newer orders are still open; older ones are mostly done.
		long ageDays = Duration.between(at, now).toDays();
		int roll = random.nextInt(100);
		String status;
		String payment;
		String fulfilment;
		if (roll < 5) {
			status = "canceled";
			payment = "canceled";
			fulfilment = "canceled";
		}
		else if (ageDays < 2) {
			status = "pending";
			payment = roll < 60 ? "authorized" : "captured";
			fulfilment = roll < 80 ? "not_fulfilled" : "fulfilled";
		}
		else if (ageDays < 7) {
			status = "pending";
			payment = "captured";
			fulfilment = roll < 30 ? "fulfilled" : roll < 40 ? "partially_fulfilled" : "shipped";
		}
		else {
			status = roll < 90 ? "completed" : "pending";
			payment = roll < 93 ? "captured" : roll < 97 ? "partially_refunded" : "refunded";
			fulfilment = roll < 90 ? "delivered" : "shipped";
		}
		String id = Ids.next("order");
		Instant updated = status.equals("pending") && fulfilment.equals("not_fulfilled") ? at : at.plus(Duration.ofDays(
				Math.min(ageDays, 3)));
		batch.add(new Order(id, 0, OrderStatus.of(status), payment, fulfilment, Ids.next("cart"), region.id(), currency,
				channel, null, email, address, address, lines, List.of(method), List.of(), totals, null, Map.of(), at,
				updated, status.equals("canceled") ? updated : null));
		history.add(new OrderChange(id, "status", null, "pending", "system", null, at));
		history.add(new OrderChange(id, "payment_status", null, "authorized", "system", null, at));
		history.add(new OrderChange(id, "fulfillment_status", null, "not_fulfilled", "system", null, at));
		if (!payment.equals("authorized")) {
			history.add(new OrderChange(id, "payment_status", "authorized", payment, "system", null, updated));
		}
		if (!fulfilment.equals("not_fulfilled")) {
			history.add(new OrderChange(id, "fulfillment_status", "not_fulfilled", fulfilment, "system", null, updated));
		}
		if (!status.equals("pending")) {
			history.add(new OrderChange(id, "status", "pending", status, "system",
					status.equals("canceled") ? "Customer changed their mind" : null, updated));
		}
	}

	private static OrderAmounts amounts(Money total) {
		Money zero = Money.zero(total.currency());
		return new OrderAmounts(total, zero, total, total, zero, zero, zero, total);
	}
}
