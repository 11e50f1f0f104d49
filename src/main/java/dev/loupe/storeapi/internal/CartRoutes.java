package dev.loupe.storeapi.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartChoices;
import dev.loupe.cart.Carts;
import dev.loupe.checkout.Checkout;
import dev.loupe.checkout.Completion;
import dev.loupe.identity.Principal;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentProviders;
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
 * Medusa's cart routes, with shipping methods, promotion codes and completion. Guests and customers
 * both use them; who may see which cart is the cart module's rule ({@link Carts}): another customer's cart, or
 * another sales channel's, is 404. Answers hold personal data and are never stored by caches ({@code no-store}).
 */
@RestController
class CartRoutes {

	private final Carts carts;
	private final CartChoices choices;
	private final Checkout checkout;
	private final PaymentCollections payments;
	private final PaymentProviders providers;
	private final JsonBodies bodies;
	private final LoupeProperties properties;

	CartRoutes(Carts carts, CartChoices choices, Checkout checkout, PaymentCollections payments,
			PaymentProviders providers, JsonBodies bodies, LoupeProperties properties) {
		this.providers = providers;
		this.carts = carts;
		this.choices = choices;
		this.checkout = checkout;
		this.payments = payments;
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
		body.put("parent", cartJson(cart, http));
		return json(body);
	}

	@PostMapping("/store/carts/{id}/shipping-methods")
	ResponseEntity<byte[]> addShippingMethod(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		return cart(choices.addShippingMethod(Shoppers.of(http), id, bodies.read(raw, http)), http);
	}

	@PostMapping("/store/carts/{id}/promotions")
	ResponseEntity<byte[]> addPromotions(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		return cart(choices.addPromotions(Shoppers.of(http), id, bodies.read(raw, http)), http);
	}

	@DeleteMapping("/store/carts/{id}/promotions")
	ResponseEntity<byte[]> removePromotions(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		return cart(choices.removePromotions(Shoppers.of(http), id, bodies.read(raw, http)), http);
	}

	/** Taxes are computed on every change of a cart with a shipping address; this answers the cart as it is. */
	@PostMapping("/store/carts/{id}/taxes")
	ResponseEntity<byte[]> taxes(@PathVariable String id, HttpServletRequest http) {
		return cart(carts.find(Shoppers.of(http), id), http);
	}

	/**
	 * Completes the cart: {@code {type:"order", order}}, or {@code {type:"cart", cart, error}} when the payment was
	 * not authorised (HTTP 200, as Medusa answers). A completed cart answers its order again.
	 */
	@PostMapping("/store/carts/{id}/complete")
	ResponseEntity<byte[]> complete(@PathVariable String id, HttpServletRequest http) {
		Completion completion = checkout.complete(Shoppers.of(http), id);
		Map<String, Object> body = new LinkedHashMap<>();
		switch (completion) {
			case Completion.Placed placed -> {
				body.put("type", "order");
				body.put("order", OrderJson.order(placed.order(), baseUrl(http)));
			}
			case Completion.PaymentFailed failed -> {
				body.put("type", "cart");
				body.put("cart", cartJson(failed.cart(), http));
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("message", failed.message());
				error.put("name", "Error");
				error.put("type", "payment_authorization_error");
				body.put("error", error);
			}
		}
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
		return json(Map.of("cart", cartJson(cart, http)));
	}

	private Map<String, Object> cartJson(Cart cart, HttpServletRequest http) {
		return CartJson.cart(cart, payments.findByCart(cart.id())
			.map(c -> PaymentJson.collection(c, cart.region().paymentProviders().stream().filter(providers::has).sorted()
				.toList()))
			.orElse(null), baseUrl(http));
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
