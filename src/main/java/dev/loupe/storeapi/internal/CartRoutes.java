package dev.loupe.storeapi.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.Carts;
import dev.loupe.identity.Principal;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.web.JsonBodies;
import dev.loupe.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medusa's cart routes (without shipping methods, promotions, payment and completion yet). Guests and customers
 * both use them; who may see which cart is the cart module's rule ({@link Carts}): another customer's cart, or
 * another sales channel's, is 404. Answers hold personal data and are never stored by caches ({@code no-store}).
 */
@RestController
class CartRoutes {

	private final Carts carts;
	private final JsonBodies bodies;
	private final LoupeProperties properties;

	CartRoutes(Carts carts, JsonBodies bodies, LoupeProperties properties) {
		this.carts = carts;
		this.bodies = bodies;
		this.properties = properties;
	}

	@PostMapping("/store/carts")
	ResponseEntity<byte[]> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		return cart(carts.create(Shoppers.of(http), bodies.read(raw, http)), http);
	}

	@GetMapping("/store/carts/{id}")
	ResponseEntity<byte[]> retrieve(@PathVariable String id, HttpServletRequest http) {
		return cart(carts.find(Shoppers.of(http), id), http);
	}

	@PostMapping("/store/carts/{id}")
	ResponseEntity<byte[]> update(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		return cart(carts.update(Shoppers.of(http), id, bodies.read(raw, http)), http);
	}

	@PostMapping("/store/carts/{id}/line-items")
	ResponseEntity<byte[]> addLine(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		return cart(carts.addLine(Shoppers.of(http), id, bodies.read(raw, http)), http);
	}

	@PostMapping("/store/carts/{id}/line-items/{lineId}")
	ResponseEntity<byte[]> updateLine(@PathVariable String id, @PathVariable String lineId,
			@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		return cart(carts.updateLine(Shoppers.of(http), id, lineId, bodies.read(raw, http)), http);
	}

	@DeleteMapping("/store/carts/{id}/line-items/{lineId}")
	ResponseEntity<byte[]> removeLine(@PathVariable String id, @PathVariable String lineId, HttpServletRequest http) {
		Cart cart = carts.removeLine(Shoppers.of(http), id, lineId);
		// Medusa's type: DeleteResponseWithParent<"line-item", StoreCart>.
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", lineId);
		body.put("object", "line-item");
		body.put("deleted", true);
		body.put("parent", CartJson.cart(cart, baseUrl(http)));
		return json(body);
	}

	/** Gives a guest cart to the logged-in customer; anyone else is 401. */
	@PostMapping("/store/carts/{id}/customer")
	ResponseEntity<byte[]> transfer(@PathVariable String id, HttpServletRequest http) {
		if (Principal.customerId(http).isEmpty()) {
			throw LoupeException.unauthorized("Unauthorized");
		}
		return cart(carts.transfer(Shoppers.of(http), id), http);
	}

	private ResponseEntity<byte[]> cart(Cart cart, HttpServletRequest http) {
		return json(Map.of("cart", CartJson.cart(cart, baseUrl(http))));
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
