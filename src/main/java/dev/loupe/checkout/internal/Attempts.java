package dev.loupe.checkout.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code checkout.attempt}: completions in progress and the step each has reached. */
@Repository
public class Attempts {

	/** A completion in progress. */
	public record Attempt(String cartId, String orderId, String paymentCollectionId, String step) {
	}

	private final JdbcClient jdbc;

	Attempts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts an attempt for the cart (replacing a stale one the claim has already outlived). */
	public void start(String cartId, String orderId, String paymentCollectionId) {
		jdbc.sql("""
				insert into checkout.attempt (cart_id, order_id, payment_collection_id, step) values (?, ?, ?, 'reserving')
				on conflict (cart_id) do update set order_id = excluded.order_id,
				  payment_collection_id = excluded.payment_collection_id, step = 'reserving', started_at = now()""")
			.params(cartId, orderId, paymentCollectionId)
			.update();
	}

	public void step(String cartId, String step) {
		jdbc.sql("update checkout.attempt set step = ? where cart_id = ?").params(step, cartId).update();
	}

	public void finish(String cartId, String orderId) {
		jdbc.sql("delete from checkout.attempt where cart_id = ? and order_id = ?").params(cartId, orderId).update();
	}

	/** Attempts older than {@code age}: no completion runs that long, so these were cut off. */
	public List<Attempt> olderThan(Duration age) {
		return jdbc.sql("""
				select cart_id, order_id, payment_collection_id, step from checkout.attempt
				where started_at < now() - make_interval(secs => ?) order by started_at limit 100""")
			.param(age.toSeconds())
			.query((rs, n) -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}
}
