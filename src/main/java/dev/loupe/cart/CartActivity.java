package dev.loupe.cart;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How shoppers use carts, for the dashboard: carts created and completed in a period, and carts abandoned (with
 * items, not completed, untouched for {@link #ABANDONED_AFTER}). Counted on the index on created_at (V102).
 */
@Service
@Transactional(readOnly = true)
public class CartActivity {

	public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Clock clock;

	CartActivity(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Carts created from {@code from} to {@code to}: how many, how many completed, how many abandoned. */
	public record Figures(long created, long completed, long abandoned) {
	}

	public Figures between(Instant from, Instant to) {
		Timestamp quiet = Timestamp.from(clock.instant().minus(ABANDONED_AFTER));
		return jdbc.sql("""
				select count(*) as created, count(completed_at) as completed,
				  count(*) filter (where completed_at is null and updated_at < ?
				    and exists (select 1 from cart.line_item l where l.cart_id = c.id)) as abandoned
				from cart.cart c where deleted_at is null and created_at >= ? and created_at < ?""")
			.params(quiet, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Figures(rs.getLong("created"), rs.getLong("completed"), rs.getLong("abandoned")))
			.single();
	}
}
