package dev.loupe.storeapi.internal;

import dev.loupe.cart.Carts;
import dev.loupe.catalog.ProductDocuments;
import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.fulfillment.ShippingOffer;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.platform.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medusa's shipping option routes for a cart: the options its region offers for its address and items, and the
 * price of one option. Which cart a shopper may see is the cart module's rule (another customer's is 404). The
 * {@code data} of a calculation is accepted as Medusa does and unused: the built-in providers need none. Answers
 * depend on a cart and are never stored by caches.
 */
@RestController
class ShippingRoutes {

	private final Carts carts;
	private final ShippingOptions options;
	private final JsonBodies bodies;

	ShippingRoutes(Carts carts, ShippingOptions options, JsonBodies bodies) {
		this.carts = carts;
		this.options = options;
		this.bodies = bodies;
	}

	@GetMapping("/store/shipping-options")
	ResponseEntity<byte[]> list(HttpServletRequest http) {
		String cartId = new StoreRequest(http).text("cart_id");
		if (cartId == null) {
			throw LoupeException.invalidData("Invalid request: Field 'cart_id' is required");
		}
		ShippingContext context = carts.shippingContext(Shoppers.of(http), cartId);
		List<Map<String, Object>> shown = new ArrayList<>();
		for (ShippingOffer offer : options.available(context)) {
			shown.add(option(offer, context.currencyCode()));
		}
		return json(Map.of("shipping_options", shown));
	}

	@PostMapping("/store/shipping-options/{id}/calculate")
	ResponseEntity<byte[]> calculate(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("cart_id", "data"));
		String cartId = body.requiredText("cart_id", 100);
		body.metadata("data");
		if (options.find(id).isEmpty()) {
			throw LoupeException.notFound("Shipping option", shown(id));
		}
		ShippingContext context = carts.shippingContext(Shoppers.of(http), cartId);
		return json(Map.of("shipping_option", option(options.quote(id, context), context.currencyCode())));
	}

	/** Medusa's {@code StoreCartShippingOption}; the region stands in for the service zone. */
	private static Map<String, Object> option(ShippingOffer o, String currencyCode) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.optionId());
		m.put("name", o.name());
		m.put("price_type", o.priceType());
		m.put("service_zone_id", o.regionId());
		m.put("shipping_profile_id", o.profileId());
		m.put("provider_id", o.providerId());
		m.put("provider", Map.of("id", o.providerId(), "is_enabled", true));
		m.put("data", o.data());
		Map<String, Object> type = new LinkedHashMap<>();
		type.put("id", o.type().id());
		type.put("label", o.type().label());
		type.put("description", o.type().description());
		type.put("code", o.type().code());
		m.put("type", type);
		m.put("amount", o.isPriced() ? amount(o.amount()) : null);
		m.put("is_tax_inclusive", o.taxInclusive());
		List<Map<String, Object>> prices = new ArrayList<>();
		for (ShippingPrice p : o.prices()) {
			Map<String, Object> price = new LinkedHashMap<>();
			price.put("id", p.id());
			price.put("currency_code", p.amount().currencyCodeLower());
			price.put("amount", amount(p.amount()));
			price.put("min_quantity", null);
			price.put("max_quantity", null);
			prices.add(price);
		}
		m.put("prices", prices);
		if (o.isPriced()) {
			Map<String, Object> calculated = new LinkedHashMap<>();
			calculated.put("calculated_amount", amount(o.amount()));
			calculated.put("original_amount", amount(o.amount()));
			calculated.put("currency_code", currencyCode);
			calculated.put("is_calculated_price_tax_inclusive", o.taxInclusive());
			calculated.put("is_original_price_tax_inclusive", o.taxInclusive());
			m.put("calculated_price", calculated);
		}
		else {
			m.put("calculated_price", null);
		}
		m.put("insufficient_inventory", false);
		return m;
	}

	private static BigDecimal amount(Money money) {
		return ProductDocuments.number(money.amount());
	}

	private static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>']", "?");
	}

	private static ResponseEntity<byte[]> json(Object body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(StoreJson.bytes(body));
	}
}
