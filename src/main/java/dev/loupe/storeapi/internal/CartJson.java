package dev.loupe.storeapi.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartAddress;
import dev.loupe.cart.CartAdjustment;
import dev.loupe.cart.CartPromotion;
import dev.loupe.cart.CartShippingMethod;
import dev.loupe.cart.CartTotals;
import dev.loupe.cart.LineItem;
import dev.loupe.cart.LineTotals;
import dev.loupe.catalog.ProductDocuments;
import dev.loupe.platform.Money;
import dev.loupe.tax.TaxLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cart in Medusa's {@code StoreCart} shape: amounts as numbers in major units, exact, with the totals of the cart
 * and of each line and shipping method, its promotions and their adjustments.
 */
final class CartJson {

	private CartJson() {
	}

	static Map<String, Object> cart(Cart c, Map<String, Object> paymentCollection, String baseUrl) {
		CartTotals t = c.totals();
		Map<String, LineTotals> lineTotals = new HashMap<>();
		t.lines().forEach(l -> lineTotals.put(l.lineId(), l));
		t.shippingMethods().forEach(l -> lineTotals.put(l.lineId(), l));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("currency_code", c.currencyCode());
		m.put("email", c.email());
		m.put("region_id", c.region().id());
		m.put("customer_id", c.customerId());
		m.put("sales_channel_id", c.salesChannelId());
		m.put("metadata", c.metadata());
		m.put("completed_at", time(c.completedAt()));
		m.put("created_at", time(c.createdAt()));
		m.put("updated_at", time(c.updatedAt()));
		m.put("region", StoreJson.region(c.region()));
		m.put("shipping_address", address(c.shippingAddress(), c.customerId()));
		m.put("billing_address", address(c.billingAddress(), c.customerId()));
		List<Map<String, Object>> items = new ArrayList<>(c.items().size());
		for (LineItem item : c.items()) {
			items.add(item(c, item, lineTotals.get(item.id()), baseUrl));
		}
		m.put("items", items);
		m.put("shipping_methods", c.shippingMethods().stream()
			.map(s -> shippingMethod(c, s, lineTotals.get(s.id())))
			.toList());
		m.put("promotions", c.promotions().stream().map(CartJson::promotion).toList());
		m.put("payment_collection", paymentCollection);
		m.put("original_item_total", amount(t.originalItemTotal()));
		m.put("original_item_subtotal", amount(t.originalItemSubtotal()));
		m.put("original_item_tax_total", amount(t.originalItemTaxTotal()));
		m.put("item_total", amount(t.itemTotal()));
		m.put("item_subtotal", amount(t.itemSubtotal()));
		m.put("item_tax_total", amount(t.itemTaxTotal()));
		m.put("original_total", amount(t.originalTotal()));
		m.put("original_subtotal", amount(t.originalSubtotal()));
		m.put("original_tax_total", amount(t.originalTaxTotal()));
		m.put("total", amount(t.total()));
		m.put("subtotal", amount(t.subtotal()));
		m.put("tax_total", amount(t.taxTotal()));
		m.put("discount_total", amount(t.discountTotal()));
		m.put("discount_subtotal", amount(t.discountSubtotal()));
		m.put("discount_tax_total", amount(t.discountTaxTotal()));
		m.put("gift_card_total", 0);
		m.put("gift_card_tax_total", 0);
		m.put("shipping_total", amount(t.shippingTotal()));
		m.put("shipping_subtotal", amount(t.shippingSubtotal()));
		m.put("shipping_tax_total", amount(t.shippingTaxTotal()));
		m.put("original_shipping_total", amount(t.originalShippingTotal()));
		m.put("original_shipping_subtotal", amount(t.originalShippingSubtotal()));
		m.put("original_shipping_tax_total", amount(t.originalShippingTaxTotal()));
		return m;
	}

	private static Map<String, Object> item(Cart c, LineItem i, LineTotals t, String baseUrl) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", i.id());
		m.put("cart_id", i.cartId());
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
		m.put("created_at", time(i.createdAt()));
		m.put("updated_at", time(i.updatedAt()));
		m.put("tax_lines", t.taxLines().stream().map(l -> taxLine(l, "item_id", i.id(), t, i.updatedAt())).toList());
		m.put("adjustments", c.adjustmentsOf(i.id()).stream().map(a -> adjustment(a, "item_id", i.createdAt())).toList());
		m.put("original_total", amount(t.originalTotal()));
		m.put("original_subtotal", amount(t.originalSubtotal()));
		m.put("original_tax_total", amount(t.originalTaxTotal()));
		m.put("item_total", amount(t.total()));
		m.put("item_subtotal", amount(t.subtotal()));
		m.put("item_tax_total", amount(t.taxTotal()));
		m.put("total", amount(t.total()));
		m.put("subtotal", amount(t.subtotal()));
		m.put("tax_total", amount(t.taxTotal()));
		m.put("discount_total", amount(t.discountTotal()));
		m.put("discount_subtotal", amount(t.discountSubtotal()));
		m.put("discount_tax_total", amount(t.discountTaxTotal()));
		return m;
	}

	private static Map<String, Object> shippingMethod(Cart c, CartShippingMethod s, LineTotals t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", s.id());
		m.put("cart_id", c.id());
		m.put("name", s.name());
		m.put("description", null);
		m.put("shipping_option_id", s.optionId());
		m.put("amount", amount(s.amount()));
		m.put("is_tax_inclusive", s.taxInclusive());
		m.put("data", s.data());
		m.put("metadata", null);
		m.put("created_at", time(s.createdAt()));
		m.put("updated_at", time(s.updatedAt()));
		m.put("tax_lines", t.taxLines().stream()
			.map(l -> taxLine(l, "shipping_method_id", s.id(), t, s.updatedAt()))
			.toList());
		m.put("adjustments", c.adjustmentsOf(s.id()).stream()
			.map(a -> adjustment(a, "shipping_method_id", s.createdAt()))
			.toList());
		m.put("original_total", amount(t.originalTotal()));
		m.put("original_subtotal", amount(t.originalSubtotal()));
		m.put("original_tax_total", amount(t.originalTaxTotal()));
		m.put("total", amount(t.total()));
		m.put("subtotal", amount(t.subtotal()));
		m.put("tax_total", amount(t.taxTotal()));
		m.put("discount_total", amount(t.discountTotal()));
		m.put("discount_subtotal", amount(t.discountSubtotal()));
		m.put("discount_tax_total", amount(t.discountTaxTotal()));
		return m;
	}

	private static Map<String, Object> promotion(CartPromotion p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.promotionId());
		m.put("code", p.code());
		m.put("is_automatic", p.automatic());
		Map<String, Object> method = new LinkedHashMap<>();
		method.put("type", p.type());
		method.put("value", p.value() == null ? null : ProductDocuments.number(p.value()));
		method.put("currency_code", p.currencyCode());
		m.put("application_method", method);
		return m;
	}

	private static Map<String, Object> adjustment(CartAdjustment a, String parent, Instant at) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("code", a.code());
		m.put("amount", amount(a.amount()));
		m.put("description", a.description());
		m.put("promotion_id", a.promotionId());
		m.put("provider_id", null);
		m.put(parent, a.targetId());
		m.put("created_at", time(at));
		m.put("updated_at", time(at));
		return m;
	}

	private static Map<String, Object> taxLine(TaxLine l, String parent, String parentId, LineTotals t, Instant at) {
		Map<String, Object> m = new LinkedHashMap<>();
		// Tax lines are computed on every read; an id stable for the line and rate keeps clients' keys steady.
		m.put("id", "catxl_" + Integer.toUnsignedString((parentId + "/" + l.rateId()).hashCode(), 36));
		m.put("description", l.name());
		m.put("tax_rate_id", l.rateId());
		m.put("code", l.code());
		m.put("rate", ProductDocuments.number(l.ratePercent()));
		m.put("provider_id", "system");
		m.put(parent, parentId);
		m.put("subtotal", amount(t.subtotal().minus(t.discountSubtotal())));
		m.put("total", amount(l.amount()));
		m.put("created_at", time(at));
		m.put("updated_at", time(at));
		return m;
	}

	private static Map<String, Object> address(CartAddress a, String customerId) {
		if (a == null) {
			return null;
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("customer_id", customerId);
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
		m.put("created_at", time(a.createdAt()));
		m.put("updated_at", time(a.updatedAt()));
		return m;
	}

	/** An exact amount in major units, as a JSON number (trailing zeros dropped: 19.9, not 19.90). */
	private static BigDecimal amount(Money money) {
		return ProductDocuments.number(money.amount());
	}

	private static String time(Instant instant) {
		return ProductDocuments.time(instant);
	}
}
