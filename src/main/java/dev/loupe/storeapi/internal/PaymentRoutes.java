package dev.loupe.storeapi.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.Carts;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentProviders;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Medusa's payment routes of the checkout: the providers of a region, a cart's payment collection and its payment
 * sessions. A collection is as visible as its cart ({@link Carts}): a collection of a cart the caller may not see is
 * 404, and so is the cart itself. Answers are never stored by caches ({@code no-store}).
 */
@RestController
class PaymentRoutes {

	private final PaymentCollections payments;
	private final PaymentProviders providers;
	private final Carts carts;
	private final Markets markets;
	private final JsonBodies bodies;

	PaymentRoutes(PaymentCollections payments, PaymentProviders providers, Carts carts, Markets markets,
			JsonBodies bodies) {
		this.payments = payments;
		this.providers = providers;
		this.carts = carts;
		this.markets = markets;
		this.bodies = bodies;
	}

	/** The region's providers that this installation has; {@code region_id} is required, as in Medusa. */
	@GetMapping("/store/payment-providers")
	ResponseEntity<byte[]> providers(HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		int limit = request.limit(20);
		int offset = request.offset();
		String regionId = request.text("region_id");
		if (regionId == null || regionId.isBlank()) {
			throw LoupeException.invalidData("region_id is required");
		}
		List<String> ids = (Ids.isWellFormed(regionId) ? markets.region(regionId) : Optional.<Region>empty())
			.map(this::enabledProviders)
			.orElse(List.of());
		List<Map<String, Object>> page = ids.stream().skip(offset).limit(limit).map(PaymentJson::provider).toList();
		return json(StoreJson.list("payment_providers", page, ids.size(), offset, limit));
	}

	/** The cart's payment collection, created on first call; its amount is the cart's total. */
	@PostMapping("/store/payment-collections")
	ResponseEntity<byte[]> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("cart_id"));
		Cart cart = carts.find(Shoppers.of(http), body.requiredText("cart_id", 100));
		requireOpen(cart);
		return collection(payments.forCart(cart.id(), cart.totals().total()), cart);
	}

	/**
	 * Starts a payment session with one of the cart's region's providers ({@code provider_id}), with optional
	 * provider {@code data}; the collection's other open sessions are dropped.
	 */
	@PostMapping("/store/payment-collections/{id}/payment-sessions")
	ResponseEntity<byte[]> initiateSession(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = bodies.read(raw, http).allow(Set.of("provider_id", "data"));
		String cartId = payments.cartIdOf(id)
			.orElseThrow(() -> LoupeException.notFound("Payment collection", ProductRoutes.sanitize(id)));
		Cart cart = cartOf(id, cartId, http);
		requireOpen(cart);
		String providerId = body.requiredText("provider_id", 100);
		Map<String, Object> data = body.metadata("data");
		if (!enabledProviders(cart.region()).contains(providerId)) {
			throw body.invalid("provider_id", "'" + ProductRoutes.sanitize(providerId)
					+ "' is not a payment provider of region " + cart.region().name());
		}
		// The cart may have changed since the collection was made: the session is for its current total.
		payments.followCart(cart.id(), cart.totals().total());
		return collection(payments.initiateSession(id, providerId, data, context(cart)), cart);
	}

	/** The collection's cart as the caller may see it; any other cart is reported as a missing collection. */
	private Cart cartOf(String collectionId, String cartId, HttpServletRequest http) {
		try {
			return carts.find(Shoppers.of(http), cartId);
		}
		catch (LoupeException e) {
			if (e.type() == ErrorType.NOT_FOUND) {
				throw LoupeException.notFound("Payment collection", collectionId);
			}
			throw e;
		}
	}

	private static void requireOpen(Cart cart) {
		if (cart.isCompleted()) {
			throw LoupeException.notAllowed("Cart " + cart.id() + " is already completed");
		}
	}

	private List<String> enabledProviders(Region region) {
		return region.paymentProviders().stream().filter(providers::has).sorted().toList();
	}

	private static Map<String, Object> context(Cart cart) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("cart_id", cart.id());
		if (cart.email() != null) {
			context.put("email", cart.email());
		}
		if (cart.customerId() != null) {
			context.put("customer_id", cart.customerId());
		}
		return context;
	}

	private ResponseEntity<byte[]> collection(PaymentCollection collection, Cart cart) {
		return json(Map.of("payment_collection", PaymentJson.collection(collection, enabledProviders(cart.region()))));
	}

	private static ResponseEntity<byte[]> json(Object body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(StoreJson.bytes(body));
	}
}
