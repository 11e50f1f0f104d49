package dev.loupe.storeapi.internal;

import dev.loupe.identity.Principal;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medusa's order routes. An order id is a capability, as in Medusa: whoever holds it (the shopper's confirmation page,
 * a guest without an account) may read the order with a key of the order's sales channel; with another channel's key
 * the order does not exist (404). The list is the logged-in customer's own orders only. Answers hold personal data
 * and are never stored by caches ({@code no-store}).
 */
@RestController
class OrderRoutes {

	private final Orders orders;
	private final LoupeProperties properties;

	OrderRoutes(Orders orders, LoupeProperties properties) {
		this.orders = orders;
		this.properties = properties;
	}

	@GetMapping("/store/orders/{id}")
	ResponseEntity<byte[]> retrieve(@PathVariable String id, HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		String fields = request.text("fields");
		Order order = orders.find(id)
			.filter(o -> request.salesChannels().contains(o.salesChannelId()))
			.orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		return json(Map.of("order", SelectedFields.apply(OrderJson.order(order, baseUrl(http)), fields)));
	}

	/** The logged-in customer's orders placed through the key's sales channels, newest first; anyone else is 401. */
	@GetMapping("/store/orders")
	ResponseEntity<byte[]> list(HttpServletRequest http) {
		String customerId = Principal.customerId(http).orElseThrow(() -> LoupeException.unauthorized("Unauthorized"));
		StoreRequest request = new StoreRequest(http);
		int limit = request.limit(50);
		int offset = request.offset();
		String fields = request.text("fields");
		List<String> channels = request.salesChannels();
		String baseUrl = baseUrl(http);
		List<Map<String, Object>> page = orders.forCustomer(customerId, channels, limit, offset)
			.stream()
			.map(o -> SelectedFields.apply(OrderJson.order(o, baseUrl), fields))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("orders", page);
		body.put("count", orders.countForCustomer(customerId, channels));
		body.put("offset", offset);
		body.put("limit", limit);
		return json(body);
	}

	/** The id as the client sent it, shortened: an error message does not echo kilobytes back. */
	private static String shown(String id) {
		String printable = id.replaceAll("[\\x00-\\x1f\\x7f]", "?");
		return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
	}

	private String baseUrl(HttpServletRequest http) {
		return PublicUrl.base(http, properties.publicUrl());
	}

	private static ResponseEntity<byte[]> json(Object body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(StoreJson.bytes(body));
	}
}
