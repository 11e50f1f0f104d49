package dev.loupe.checkout;

import dev.loupe.checkout.internal.Attempts;
import dev.loupe.checkout.internal.Attempts.Attempt;
import dev.loupe.order.Orders;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Undoes completions that were cut off between steps (the process killed after reserving stock or authorising a
 * payment): an attempt older than the cart's claim can only be such a completion. Its reservation is released and
 * its payment voided, and the cart's claim is given back, so the shopper can complete the cart again. An attempt whose
 * order exists was placed (the attempt row is deleted in that same transaction, so this does not happen; it is
 * handled anyway). Runs every 30 seconds on every instance; each step is idempotent, so instances may overlap.
 */
@Service
public class CheckoutRecovery {

	private static final Logger log = LoggerFactory.getLogger(CheckoutRecovery.class);

	private final Attempts attempts;
	private final Orders orders;
	private final Checkout checkout;

	CheckoutRecovery(Attempts attempts, Orders orders, Checkout checkout) {
		this.attempts = attempts;
		this.orders = orders;
		this.checkout = checkout;
	}

	/** Recovers every attempt older than the claim; returns how many. */
	@Scheduled(initialDelay = 20_000, fixedDelay = 30_000)
	public int recover() {
		return recoverOlderThan(Checkout.HOLD.plusSeconds(30));
	}

	int recoverOlderThan(Duration age) {
		int recovered = 0;
		for (Attempt attempt : attempts.olderThan(age)) {
			try {
				if (orders.find(attempt.orderId()).isPresent()) {
					attempts.finish(attempt.cartId(), attempt.orderId());
					continue;
				}
				log.warn("Undoing the interrupted completion of cart {} (order {} at step {})", attempt.cartId(),
						attempt.orderId(), attempt.step());
				checkout.undo(attempt.cartId(), attempt.orderId(),
						"reserving".equals(attempt.step()) ? null : attempt.paymentCollectionId());
				recovered++;
			}
			catch (RuntimeException e) {
				log.error("Could not undo the interrupted completion of cart {}", attempt.cartId(), e);
			}
		}
		return recovered;
	}
}
