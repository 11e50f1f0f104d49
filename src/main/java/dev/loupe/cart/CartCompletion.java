package dev.loupe.cart;

import dev.loupe.cart.internal.CartExtrasRows;
import dev.loupe.cart.internal.CartPricing;
import dev.loupe.cart.internal.CartRow;
import dev.loupe.cart.internal.CartRows;
import dev.loupe.platform.Money;
import dev.loupe.promotion.Promotions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cart's side of checkout: a completion claims the cart (so that a concurrent completion of the same cart waits
 * for the first one's order instead of placing a second), reads it re-priced, and marks it completed in the
 * transaction that places the order, or gives the claim back when it fails.
 */
@Service
public class CartCompletion {

	private final Carts carts;
	private final CartRows rows;
	private final CartExtrasRows extras;
	private final CartPricing pricing;

	private final Promotions promotions;
	private final Clock clock;

	CartCompletion(Carts carts, CartRows rows, CartExtrasRows extras, CartPricing pricing, Promotions promotions,
			Clock clock) {
		this.promotions = promotions;
		this.clock = clock;
		this.carts = carts;
		this.rows = rows;
		this.extras = extras;
		this.pricing = pricing;
	}

	/** The cart as the shopper may see it ({@code not_found} otherwise), whether completed or not. */
	@Transactional(readOnly = true)
	public Cart find(Shopper shopper, String cartId) {
		return carts.find(shopper, cartId);
	}

	/**
	 * Claims the shopper's open cart for {@code hold} and returns it re-priced; empty when another completion holds it
	 * or it was completed meanwhile. The claim commits at once (its own transaction).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Cart> claim(Shopper shopper, String cartId, Duration hold) {
		String id = Carts.checkedId(cartId);
		Optional<CartRow> claimed = rows.claim(id, hold);
		if (claimed.isEmpty()) {
			// Completed, held by another completion, or not there at all (not_found, as for a cart not the shopper's).
			Carts.visible(shopper, cartId, rows.find(id));
			return Optional.empty();
		}
		// Another shopper's cart is refused, and the claim rolls back with this transaction.
		CartRow row = Carts.visible(shopper, cartId, claimed);
		List<String> codes = extras.codes(row.id()).stream().map(CartExtrasRows.AppliedCode::code).toList();
		if (!codes.isEmpty()) {
			// Expired, ended or used up since it was applied: refused naming it (and the claim rolls back).
			promotions.forCodes(codes, clock.instant(), Money.currency(row.currencyCode()), pricing.customerGroups(row));
		}
		return Optional.of(pricing.refresh(row, carts.region(row), false));
	}

	/**
	 * The shopper a cart belongs to (its sales channel, customer and email), for completions the shopper did not ask
	 * for in this request: a payment provider's webhook says the cart was paid. Empty for an unknown cart.
	 */
	@Transactional(readOnly = true)
	public Optional<Shopper> ownerOf(String cartId) {
		return rows.find(Carts.checkedId(cartId))
			.map(row -> new Shopper(List.of(row.salesChannelId()), row.customerId(), row.email()));
	}

	/** Gives the claim back after a failed completion (the cart can be completed later). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void release(String cartId) {
		extras.releaseClaim(cartId);
	}

	/** Marks the cart completed in the caller's transaction (the one placing the order); false if it already was. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean markCompleted(String cartId) {
		return extras.complete(cartId);
	}
}
