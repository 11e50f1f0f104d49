package dev.loupe.fulfillment;

import com.easypost.model.Rate;
import com.easypost.model.Shipment;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.SellableVariant;
import dev.loupe.fulfillment.internal.EasyPostGateway;
import dev.loupe.fulfillment.internal.EasyPostOptionData;
import dev.loupe.fulfillment.internal.FulfillmentRows;
import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderShippingMethod;
import dev.loupe.order.Orders;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Buys a fulfilment's shipping label from EasyPost, outside any database transaction: a carrier shipment from the
 * warehouse to the order's address with a parcel of the fulfilment's weight, then the chosen rate or the cheapest
 * one the order's shipping option allows. A label is bought at most once: one process at a time holds the right to
 * buy it (a lease in the row), the carrier shipment's id is stored before buying, and a retry after a crash reads
 * the shipment back and keeps a label bought before instead of buying again.
 */
@Service
public class ShippingLabels {

	/** Who buys labels on the store's behalf, in the history. */
	public static final String PROVIDER = "easypost_easypost";
	private static final Duration LEASE = Duration.ofMinutes(2);

	private final FulfillmentRows rows;
	private final Fulfillments fulfillments;
	private final Orders orders;
	private final ShippingOptions options;
	private final ProductQueries catalog;
	private final EasyPostGateway easyPost;

	ShippingLabels(FulfillmentRows rows, Fulfillments fulfillments, Orders orders, ShippingOptions options,
			ProductQueries catalog, EasyPostGateway easyPost) {
		this.rows = rows;
		this.fulfillments = fulfillments;
		this.orders = orders;
		this.options = options;
		this.catalog = catalog;
		this.easyPost = easyPost;
	}

	/** Whether labels can be bought (EasyPost is configured). */
	public boolean available() {
		return easyPost.configured();
	}

	/**
	 * Buys the label of a created fulfilment ({@code rateId}: one of its shipment's rates, null: the cheapest
	 * allowed) and stores tracking number, carrier, label URL and cost. A fulfilment with a label is returned as it
	 * is. {@code not_allowed} when EasyPost is off, the fulfilment has left or is canceled, or no rate fits;
	 * {@code conflict} while another process buys it; {@code unexpected_state} with status 502 when EasyPost fails.
	 */
	public Fulfillment buy(String fulfillmentId, String rateId) {
		Fulfillment f = fulfillments.find(fulfillmentId)
			.orElseThrow(() -> LoupeException.notFound("Fulfillment", ShippingOptions.shown(fulfillmentId)));
		if (f.hasLabel()) {
			return f;
		}
		if (!easyPost.configured()) {
			throw LoupeException.notAllowed("Labels cannot be bought: EasyPost is not configured (EASYPOST_API_KEY)");
		}
		if (f.state() != FulfillmentState.CREATED) {
			throw LoupeException.notAllowed("Fulfillment " + f.id() + " is " + f.state().wire()
					+ "; labels are bought before it ships");
		}
		if (rateId != null && (rateId.isBlank() || rateId.length() > 100)) {
			throw LoupeException.invalidData("rate_id must be an EasyPost rate id");
		}
		if (!rows.claimLabel(f.id(), Instant.now().plus(LEASE))) {
			Fulfillment now = fulfillments.find(f.id()).orElseThrow();
			if (now.hasLabel()) {
				return now;
			}
			throw LoupeException.conflict("The label of fulfillment " + f.id() + " is being bought; try again shortly");
		}
		try {
			return purchase(f, rateId);
		}
		catch (RuntimeException e) {
			rows.releaseLabelClaim(f.id());
			if (e instanceof EasyPostGateway.CarrierFailure) {
				throw new LoupeException(dev.loupe.platform.ErrorType.UNEXPECTED_STATE, 502, e.getMessage());
			}
			throw e;
		}
	}

	private Fulfillment purchase(Fulfillment f, String rateId) {
		Order order = orders.find(f.orderId()).orElseThrow();
		EasyPostOptionData data = optionData(order);
		Shipment shipment = f.shipmentId() == null ? null : easyPost.retrieve(f.shipmentId());
		if (shipment == null) {
			shipment = easyPost.createShipment(to(order), data.parcel(weightGrams(order, f)),
					"order " + order.displayId());
			rows.setShipment(f.id(), shipment.getId());
		}
		if (shipment.getPostageLabel() == null || shipment.getPostageLabel().getLabelUrl() == null) {
			shipment = easyPost.buy(shipment.getId(), choose(shipment, rateId, data, order));
		}
		Rate bought = shipment.getSelectedRate();
		String trackingUrl = shipment.getTracker() == null ? null : shipment.getTracker().getPublicUrl();
		Money cost = bought == null || bought.getRate() == null || bought.getCurrency() == null ? null
				: Money.of(new BigDecimal(bought.getRate().toString()), bought.getCurrency());
		rows.setLabel(f.id(), PROVIDER, shipment.getId(),
				new Tracking(shipment.getTrackingCode(), bought == null ? null : bought.getCarrier(), trackingUrl),
				bought == null ? null : bought.getService(), shipment.getPostageLabel().getLabelUrl(), cost);
		return fulfillments.find(f.id()).orElseThrow();
	}

	private static Rate choose(Shipment shipment, String rateId, EasyPostOptionData data, Order order) {
		List<Rate> rates = shipment.getRates() == null ? List.of() : shipment.getRates();
		if (rateId != null) {
			return rates.stream().filter(r -> rateId.equals(r.getId())).findFirst()
				.orElseThrow(() -> LoupeException.invalidData("rate_id " + ShippingOptions.shown(rateId)
						+ " is not a rate of shipment " + shipment.getId()));
		}
		// Labels are paid in the account's currency, usually not the order's: the cheapest allowed in any currency.
		Optional<Rate> inOrderCurrency = data.cheapest(rates, order.currencyCode());
		return inOrderCurrency.or(() -> rates.stream().map(Rate::getCurrency).filter(c -> c != null).distinct()
				.map(c -> data.cheapest(rates, c)).flatMap(Optional::stream).findFirst())
			.orElseThrow(() -> LoupeException.notAllowed("No carrier rate of shipment " + shipment.getId()
					+ " is allowed by the order's shipping option"));
	}

	/** The carriers and box of the EasyPost option the shopper chose, or none (any carrier, weight only). */
	private EasyPostOptionData optionData(Order order) {
		for (OrderShippingMethod method : order.shippingMethods()) {
			Optional<ShippingOption> option = method.shippingOptionId() == null ? Optional.empty()
					: options.find(method.shippingOptionId());
			if (option.isPresent() && PROVIDER.equals(option.get().providerId())) {
				try {
					return EasyPostOptionData.of(option.get().data());
				}
				catch (LoupeException invalid) {
					break;
				}
			}
		}
		return EasyPostOptionData.of(null);
	}

	private long weightGrams(Order order, Fulfillment f) {
		List<String> variants = f.items().stream().map(FulfillmentItem::variantId).filter(v -> v != null).toList();
		Map<String, SellableVariant> known = order.salesChannelId() == null ? Map.of()
				: catalog.sellableVariants(variants, List.of(order.salesChannelId()));
		Map<String, Integer> weights = known.values().stream().filter(v -> v.weightGrams() != null)
			.collect(Collectors.toMap(SellableVariant::id, SellableVariant::weightGrams));
		return f.items().stream()
			.mapToLong(i -> (long) i.quantity() * (i.variantId() == null ? 0 : weights.getOrDefault(i.variantId(), 0)))
			.sum();
	}

	private static Map<String, Object> to(Order order) {
		OrderAddress a = order.shippingAddress();
		if (a == null || a.countryCode() == null) {
			throw LoupeException.notAllowed("Order " + order.id() + " has no shipping address");
		}
		Map<String, Object> to = new LinkedHashMap<>();
		String name = ((a.firstName() == null ? "" : a.firstName()) + " " + (a.lastName() == null ? "" : a.lastName()))
			.strip();
		put(to, "name", name);
		put(to, "company", a.company());
		put(to, "street1", a.address1());
		put(to, "street2", a.address2());
		put(to, "city", a.city());
		put(to, "state", a.province());
		put(to, "zip", a.postalCode());
		put(to, "country", a.countryCode().toUpperCase(Locale.ROOT));
		put(to, "phone", a.phone());
		put(to, "email", order.email());
		return to;
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value.strip());
		}
	}
}
