package dev.loupe.storeapi.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartAddress;
import dev.loupe.cart.CartTotals;
import dev.loupe.cart.LineItem;
import dev.loupe.cart.LineTotals;
import dev.loupe.catalog.ProductDocuments;
import dev.loupe.platform.Ids;
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
 * and of each line. Shipping methods and promotions are empty lists until those features exist. Tax lines are
 * computed on every read, so their ids change between reads.
 */
final class CartJson {

	private CartJson() {
	}

	static Map<String, Object> cart(Cart c, String baseUrl) {
		CartTotals t = c.totals();
		Map<String, LineTotals> lineTotals = new HashMap<>();
		t.lines().forEach(l -> lineTotals.put(l.lineId(), l));
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
			items.add(item(item, lineTotals.get(item.id()), baseUrl));
		}
		m.put("items", items);
		m.put("shipping_methods", List.of());
		m.put("promotions", List.of());
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
		m.put("discount_tax_total", amount(t.discountTaxTotal()));
		m.put("gift_card_total", 0);
		m.put("gift_card_tax_total", 0);
		m.put("shipping_total", amount(t.shippingTotal()));
		m.put("shipping_subtotal", amount(t.shippingSubtotal()));
		m.put("shipping_tax_total", amount(t.shippingTaxTotal()));
		m.put("original_shipping_total", amount(t.shippingTotal()));
		m.put("original_shipping_subtotal", amount(t.shippingSubtotal()));
		m.put("original_shipping_tax_total", amount(t.shippingTaxTotal()));
		return m;
	}

	private static Map<String, Object> item(LineItem i, LineTotals t, String baseUrl) {
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
		m.put("tax_lines", t.taxLines().stream().map(l -> taxLine(l, i, t)).toList());
		m.put("adjustments", List.of());
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
		m.put("discount_tax_total", amount(t.discountTotal()));
		return m;
	}

	private static Map<String, Object> taxLine(TaxLine l, LineItem item, LineTotals t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", Ids.next("calitxl"));
		m.put("description", l.name());
		m.put("tax_rate_id", l.rateId());
		m.put("code", l.code());
		m.put("rate", ProductDocuments.number(l.ratePercent()));
		m.put("provider_id", "system");
		m.put("item_id", item.id());
		m.put("subtotal", amount(t.subtotal()));
		m.put("total", amount(l.amount()));
		m.put("created_at", time(item.updatedAt()));
		m.put("updated_at", time(item.updatedAt()));
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
