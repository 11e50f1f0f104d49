package dev.loupe.checkout;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartCompletion;
import dev.loupe.cart.CartPromotion;
import dev.loupe.cart.LineItem;
import dev.loupe.cart.Shopper;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.SellableVariant;
import dev.loupe.checkout.internal.Attempts;
import dev.loupe.checkout.internal.OrderDrafts;
import dev.loupe.inventory.Reservations;
import dev.loupe.inventory.StockDemand;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.payment.PaymentAuthorizationException;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.promotion.Promotions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes carts into orders (Medusa's complete-cart workflow): validate → reserve stock → authorise payment →
 * place the order (with the promotions' usage and the cart marked completed, one transaction that also stores the
 * {@code OrderPlaced} event in the outbox). Each step that fails undoes the earlier ones: the reservation is released,
 * an authorised payment is voided, the cart's claim is given back, so the cart can be completed later.
 * <p>
 * Completion is idempotent per cart: a completed cart answers its order again; concurrent completions of one cart
 * wait for the first (the cart's claim) and answer its order. Concurrent completions of different carts compete for
 * stock under the inventory levels' row locks, so stock is never promised twice. A completion cut off between steps
 * (a crash) is undone by {@link CheckoutRecovery} once its claim has expired.
 */
@Service
public class Checkout {

	private static final Logger log = LoggerFactory.getLogger(Checkout.class);

	/** How long a completion holds its cart; longer than any payment authorisation may take. */
	static final Duration HOLD = Duration.ofSeconds(60);

	/** How long a concurrent completion of the same cart waits for the first one's order. */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final CartCompletion carts;
	private final ProductQueries products;
	private final Reservations reservations;
	private final PaymentCollections payments;
	private final Promotions promotions;
	private final Orders orders;
	private final Attempts attempts;
	private final TransactionTemplate tx;

	Checkout(CartCompletion carts, ProductQueries products, Reservations reservations, PaymentCollections payments,
			Promotions promotions, Orders orders, Attempts attempts, TransactionTemplate tx) {
		this.carts = carts;
		this.products = products;
		this.reservations = reservations;
		this.payments = payments;
		this.promotions = promotions;
		this.orders = orders;
		this.attempts = attempts;
		this.tx = tx;
	}

	/** Completes the shopper's cart; see the class comment. Another shopper's cart is {@code not_found}. */
	public Completion complete(Shopper shopper, String cartId) {
		// Each claim checks that the shopper may see the cart (not_found otherwise), so the id below is theirs.
		String id = cartId;
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Optional<Cart> claimed = carts.claim(shopper, id, HOLD);
			if (claimed.isPresent()) {
				return completeClaimed(claimed.get());
			}
			Optional<Order> placed = orders.findByCart(id);
			if (placed.isPresent()) {
				return new Completion.Placed(placed.get());
			}
			if (System.nanoTime() > deadline) {
				throw LoupeException.conflict("Cart " + id + " is being completed by another request; try again");
			}
			pause();
		}
	}

	/**
	 * Completes a cart its shopper paid for at the provider without completing it (a webhook says so: the tab was
	 * closed after paying). The same completion as {@link #complete}, as the cart's owner; a completed cart answers
	 * its order. A payment that is not authorised after all is a {@code conflict}, so that the webhook is retried.
	 */
	public Order completePaid(String cartId) {
		Optional<Order> placed = orders.findByCart(cartId);
		if (placed.isPresent()) {
			return placed.get();
		}
		Shopper owner = carts.ownerOf(cartId).orElseThrow(() -> LoupeException.notFound("Cart", cartId));
		return switch (complete(owner, cartId)) {
			case Completion.Placed order -> order.order();
			case Completion.PaymentFailed failed -> throw LoupeException.conflict("Cart " + cartId
					+ " was paid at the provider but its payment is not authorised: " + failed.message());
		};
	}

	private Completion completeClaimed(Cart cart) {
		String orderId = Ids.next("order");
		PaymentCollection collection;
		try {
			collection = validate(cart);
			// 1. Reserve the stock of every line whose stock is managed; the attempt commits with the reservation, at
			// the step after it, so that recovery knows to release both and to void a payment that may follow.
			tx.executeWithoutResult(s -> {
				List<StockDemand> demands = demands(cart);
				attempts.start(cart.id(), orderId, collection.id());
				reservations.reserve(orderId, demands);
				attempts.step(cart.id(), "authorizing");
			});
		}
		catch (RuntimeException refused) {
			undo(cart.id(), orderId, null);
			throw refused;
		}
		// 2. Authorise the payment, outside any transaction (the provider may take seconds).
		try {
			payments.authorize(collection.id(), cart.totals().total(), orderId);
		}
		catch (PaymentAuthorizationException declined) {
			undo(cart.id(), orderId, null);
			return new Completion.PaymentFailed(carts.find(shopperOf(cart), cart.id()), declined.getMessage());
		}
		catch (RuntimeException failed) {
			undo(cart.id(), orderId, collection.id());
			throw failed;
		}
		// 3. Place the order: one transaction with the promotions' usage, the cart's completion and OrderPlaced.
		try {
			Order order = tx.execute(s -> {
				Order placed = orders.place(OrderDrafts.of(orderId, cart, collection.id(), "authorized"));
				List<String> promotionIds = cart.promotions().stream().map(CartPromotion::promotionId).distinct().toList();
				if (!promotionIds.isEmpty()) {
					promotions.recordUsage(orderId, promotionIds, Promotions.customerKey(cart.customerId(), cart.email()));
				}
				carts.markCompleted(cart.id());
				attempts.finish(cart.id(), orderId);
				return placed;
			});
			return new Completion.Placed(order);
		}
		catch (RuntimeException failed) {
			undo(cart.id(), orderId, collection.id());
			throw failed;
		}
	}

	/** What a cart must have before its stock is reserved; the payment collection it will be paid with. */
	private PaymentCollection validate(Cart cart) {
		if (cart.items().isEmpty()) {
			throw LoupeException.invalidData("Cart " + cart.id() + " has no items");
		}
		if (cart.email() == null) {
			throw LoupeException.invalidData("Cart " + cart.id() + " needs an email before it can be completed");
		}
		if (cart.requiresShipping()) {
			if (cart.shippingAddress() == null || cart.shippingAddress().countryCode() == null) {
				throw LoupeException.invalidData("Cart " + cart.id() + " needs a shipping address before it can be completed");
			}
			if (cart.shippingMethods().isEmpty()) {
				throw LoupeException.invalidData("Cart " + cart.id() + " needs a shipping method before it can be completed "
						+ "(GET /store/shipping-options?cart_id=" + cart.id() + ")");
			}
		}
		PaymentCollection collection = payments.findByCart(cart.id())
			.orElseThrow(() -> LoupeException.invalidData("Cart " + cart.id() + " needs a payment collection with a "
					+ "payment session before it can be completed"));
		if (collection.sessions().isEmpty()) {
			throw LoupeException.invalidData("Cart " + cart.id() + " needs a payment session before it can be completed");
		}
		// The cart may have changed since the collection was made: the collection follows the cart's total.
		return collection.amount().compareTo(cart.totals().total()) == 0 ? collection
				: payments.forCart(cart.id(), cart.totals().total());
	}

	private List<StockDemand> demands(Cart cart) {
		Map<String, SellableVariant> variants = products.sellableVariants(
				cart.items().stream().map(LineItem::variantId).toList(), List.of(cart.salesChannelId()));
		List<StockDemand> demands = new ArrayList<>();
		for (LineItem item : cart.items()) {
			SellableVariant v = variants.get(item.variantId());
			if (v == null) {
				throw LoupeException.invalidData("Variant " + item.variantId() + " of line " + item.id()
						+ " is no longer for sale; remove it from the cart");
			}
			if (v.manageInventory()) {
				demands.add(new StockDemand(v.id(), item.quantity(), v.allowBackorder()));
			}
		}
		return demands;
	}

	/** Undoes what a failed completion did; every compensation runs even when an earlier one fails. */
	void undo(String cartId, String orderId, String paymentCollectionId) {
		if (paymentCollectionId != null) {
			try {
				payments.cancel(paymentCollectionId);
			}
			catch (RuntimeException e) {
				log.error("Could not void the payment of collection {} for cart {}; recovery will retry",
						paymentCollectionId, cartId, e);
				return; // keep the attempt: CheckoutRecovery retries all of it later
			}
		}
		try {
			reservations.release(orderId, "checkout failed");
			tx.executeWithoutResult(s -> attempts.finish(cartId, orderId));
		}
		finally {
			carts.release(cartId);
		}
	}

	private static Shopper shopperOf(Cart cart) {
		return new Shopper(List.of(cart.salesChannelId()), cart.customerId(), cart.email());
	}

	private static void pause() {
		try {
			Thread.sleep(25);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw LoupeException.conflict("Interrupted while waiting for another completion of the cart");
		}
	}
}
