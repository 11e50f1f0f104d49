package dev.loupe.storeapi.internal;

import dev.loupe.catalog.ProductDocuments;
import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderAdjustment;
import dev.loupe.order.OrderAmounts;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderShippingMethod;
import dev.loupe.order.OrderTaxLine;
import dev.loupe.order.OrderTotals;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order in Medusa's {@code StoreOrder} shape: amounts as exact numbers in major units, every total of the order
 * and of each line and shipping method as frozen when it was placed. Lines, methods and addresses carry the order's
 * creation time, as they never change afterwards.
 */
final class OrderJson {

	private OrderJson() {
	}

	/** The order as the Store API answers it (the checkout's completion answers {@code {"type":"order","order":…}}). */
	static Map<String, Object> order(Order o, String baseUrl) {
		OrderTotals t = o.totals();
		String at = time(o);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.id());
		m.put("display_id", o.displayId());
		m.put("status", o.status().wire());
		m.put("payment_status", o.paymentStatus());
		m.put("fulfillment_status", o.fulfillmentStatus());
		m.put("email", o.email());
		m.put("currency_code", o.currencyCode());
		m.put("region_id", o.regionId());
		m.put("customer_id", o.customerId());
		m.put("sales_channel_id", o.salesChannelId());
		m.put("metadata", o.metadata());
		m.put("created_at", at);
		m.put("updated_at", ProductDocuments.time(o.updatedAt()));
		m.put("canceled_at", ProductDocuments.time(o.canceledAt()));
		m.put("shipping_address", address(o.shippingAddress(), o, at));
		m.put("billing_address", address(o.billingAddress(), o, at));
		List<Map<String, Object>> items = new ArrayList<>(o.items().size());
		for (OrderLine line : o.items()) {
			items.add(item(line, o, baseUrl, at));
		}
		m.put("items", items);
		List<Map<String, Object>> methods = new ArrayList<>(o.shippingMethods().size());
		for (OrderShippingMethod method : o.shippingMethods()) {
			methods.add(shippingMethod(method, o, at));
		}
		m.put("shipping_methods", methods);
		m.put("promotion_codes", o.promotionCodes());
		m.put("original_item_total", amount(t.originalItemTotal()));
		m.put("original_item_subtotal", amount(t.originalItemSubtotal()));
		m.put("original_item_tax_total", amount(t.originalItemTaxTotal()));
		m.put("item_total", amount(t.itemTotal()));
		m.put("item_subtotal", amount(t.itemSubtotal()));
		m.put("item_tax_total", amount(t.itemTaxTotal()));
		m.put("item_discount_total", amount(itemDiscount(o)));
		m.put("original_total", amount(t.originalTotal()));
		m.put("original_subtotal", amount(t.originalSubtotal()));
		m.put("original_tax_total", amount(t.originalTaxTotal()));
		m.put("total", amount(t.total()));
		m.put("subtotal", amount(t.subtotal()));
		m.put("tax_total", amount(t.taxTotal()));
		m.put("discount_total", amount(t.discountTotal()));
		m.put("discount_subtotal", amount(t.discountTotal().minus(t.discountTaxTotal())));
		m.put("discount_tax_total", amount(t.discountTaxTotal()));
		m.put("gift_card_total", 0);
		m.put("gift_card_tax_total", 0);
		m.put("shipping_total", amount(t.shippingTotal()));
		m.put("shipping_subtotal", amount(t.shippingSubtotal()));
		m.put("shipping_tax_total", amount(t.shippingTaxTotal()));
		m.put("shipping_discount_total", amount(shippingDiscount(o)));
		m.put("original_shipping_total", amount(t.originalShippingTotal()));
		m.put("original_shipping_subtotal", amount(t.originalShippingSubtotal()));
		m.put("original_shipping_tax_total", amount(t.originalShippingTaxTotal()));
		m.put("credit_line_total", 0);
		return m;
	}

	private static Map<String, Object> item(OrderLine i, Order o, String baseUrl, String at) {
		OrderAmounts a = i.amounts();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", i.id());
		m.put("order_id", o.id());
		m.put("title", i.title());
		m.put("subtitle", i.subtitle());
		m.put("thumbnail", ProductDocuments.url(baseUrl, i.thumbnail()));
		m.put("quantity", i.quantity());
		m.put("product_id", i.productId());
		m.put("product_title", i.productTitle());
		m.put("product_handle", i.productHandle());
		m.put("variant_id", i.variantId());
		m.put("variant_sku", i.variantSku());
		m.put("variant_title", i.variantTitle());
		m.put("requires_shipping", i.requiresShipping());
		m.put("is_discountable", i.discountable());
		m.put("is_tax_inclusive", i.taxInclusive());
		m.put("unit_price", amount(i.unitPrice()));
		m.put("metadata", i.metadata());
		m.put("created_at", at);
		m.put("updated_at", at);
		m.put("tax_lines", i.taxLines().stream().map(l -> taxLine(l, "item_id", i.id(), a, at)).toList());
		m.put("adjustments", i.adjustments().stream().map(j -> adjustment(j, "item_id", i.id(), o, at)).toList());
		m.put("detail", detail(i, at));
		m.put("original_total", amount(a.originalTotal()));
		m.put("original_subtotal", amount(a.originalSubtotal()));
		m.put("original_tax_total", amount(a.originalTaxTotal()));
		m.put("item_total", amount(a.total()));
		m.put("item_subtotal", amount(a.subtotal()));
		m.put("item_tax_total", amount(a.taxTotal()));
		m.put("total", amount(a.total()));
		m.put("subtotal", amount(a.subtotal()));
		m.put("tax_total", amount(a.taxTotal()));
		m.put("discount_total", amount(a.discountTotal()));
		m.put("discount_subtotal", amount(a.discountTotal().minus(a.discountTaxTotal())));
		m.put("discount_tax_total", amount(a.discountTaxTotal()));
		m.put("refundable_total", amount(a.total()));
		m.put("refundable_total_per_unit", ProductDocuments.number(a.total().amount()
			.divide(BigDecimal.valueOf(i.quantity()), Money.scaleOf(a.total().currency()), Money.ROUNDING)));
		return m;
	}

	/** Medusa's per-line fulfilment counts; nothing is fulfilled, shipped or returned until fulfilment exists. */
	private static Map<String, Object> detail(OrderLine i, String at) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", i.id().replaceFirst("^ordli_", "orditem_"));
		m.put("item_id", i.id());
		m.put("quantity", i.quantity());
		for (String count : List.of("fulfilled_quantity", "delivered_quantity", "shipped_quantity",
				"return_requested_quantity", "return_received_quantity", "return_dismissed_quantity",
				"written_off_quantity")) {
			m.put(count, 0);
		}
		m.put("metadata", null);
		m.put("created_at", at);
		m.put("updated_at", at);
		return m;
	}

	private static Map<String, Object> shippingMethod(OrderShippingMethod s, Order o, String at) {
		OrderAmounts a = s.amounts();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", s.id());
		m.put("order_id", o.id());
		m.put("name", s.name());
		m.put("description", null);
		m.put("amount", amount(s.amount()));
		m.put("is_tax_inclusive", s.taxInclusive());
		m.put("shipping_option_id", s.shippingOptionId());
		m.put("data", s.data());
		m.put("metadata", null);
		m.put("tax_lines", s.taxLines().stream().map(l -> taxLine(l, "shipping_method_id", s.id(), a, at)).toList());
		m.put("adjustments", s.adjustments().stream().map(j -> adjustment(j, "shipping_method_id", s.id(), o, at)).toList());
		m.put("original_total", amount(a.originalTotal()));
		m.put("original_subtotal", amount(a.originalSubtotal()));
		m.put("original_tax_total", amount(a.originalTaxTotal()));
		m.put("total", amount(a.total()));
		m.put("subtotal", amount(a.subtotal()));
		m.put("tax_total", amount(a.taxTotal()));
		m.put("discount_total", amount(a.discountTotal()));
		m.put("discount_subtotal", amount(a.discountTotal().minus(a.discountTaxTotal())));
		m.put("discount_tax_total", amount(a.discountTaxTotal()));
		m.put("created_at", at);
		m.put("updated_at", at);
		return m;
	}

	private static Map<String, Object> taxLine(OrderTaxLine l, String parentField, String parentId, OrderAmounts a,
			String at) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", l.id());
		m.put("description", l.name());
		m.put("tax_rate_id", l.rateId());
		m.put("code", l.code());
		m.put("rate", ProductDocuments.number(l.ratePercent()));
		m.put("provider_id", "system");
		m.put(parentField, parentId);
		// The amount the rate applied to: the line's amount without tax, after discounts.
		m.put("subtotal", amount(a.subtotal().minus(a.discountTotal().minus(a.discountTaxTotal()))));
		m.put("total", amount(l.amount()));
		m.put("created_at", at);
		m.put("updated_at", at);
		return m;
	}

	private static Map<String, Object> adjustment(OrderAdjustment j, String parentField, String parentId, Order o,
			String at) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", j.id());
		m.put("code", j.code());
		m.put("amount", amount(j.amount()));
		m.put("order_id", o.id());
		m.put("description", j.description());
		m.put("promotion_id", j.promotionId());
		m.put("provider_id", null);
		m.put(parentField, parentId);
		m.put("created_at", at);
		m.put("updated_at", at);
		return m;
	}

	private static Map<String, Object> address(OrderAddress a, Order o, String at) {
		if (a == null) {
			return null;
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("customer_id", o.customerId());
		m.put("first_name", a.firstName());
		m.put("last_name", a.lastName());
		m.put("phone", a.phone());
		m.put("company", a.company());
		m.put("address_1", a.address1());
		m.put("address_2", a.address2());
		m.put("city", a.city());
		m.put("country_code", a.countryCode());
		m.put("province", a.province());
		m.put("postal_code", a.postalCode());
		m.put("metadata", a.metadata());
		m.put("created_at", at);
		m.put("updated_at", at);
		return m;
	}

	private static Money itemDiscount(Order o) {
		Money sum = Money.zero(o.currencyCode());
		for (OrderLine line : o.items()) {
			sum = sum.plus(line.amounts().discountTotal());
		}
		return sum;
	}

	private static Money shippingDiscount(Order o) {
		Money sum = Money.zero(o.currencyCode());
		for (OrderShippingMethod method : o.shippingMethods()) {
			sum = sum.plus(method.amounts().discountTotal());
		}
		return sum;
	}

	/** An exact amount in major units, as a JSON number (trailing zeros dropped: 19.9, not 19.90). */
	private static BigDecimal amount(Money money) {
		return ProductDocuments.number(money.amount());
	}

	private static String time(Order o) {
		return ProductDocuments.time(o.createdAt());
	}
}
