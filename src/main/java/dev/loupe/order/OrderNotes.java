package dev.loupe.order;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff notes on orders: added once per idempotency key, never changed, read oldest first. */
@Service
@Transactional
public class OrderNotes {

	public static final int MAX_BODY = 4000;

	private final JdbcClient jdbc;
	private final Clock clock;

	OrderNotes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds a note to an order; repeating a call with the same key answers the note written first. Empty, overlong or
	 * control-character notes are {@code invalid_data}; an unknown order is {@code not_found}.
	 */
	public OrderNote add(String orderId, String author, String body, String idempotencyKey) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > MAX_BODY || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			throw LoupeException.invalidData("A note must be 1 to " + MAX_BODY + " characters of text");
		}
		if (author == null || author.isBlank() || author.length() > 200) {
			throw LoupeException.invalidData("author must be 1 to 200 characters");
		}
		if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_-]{8,100}")) {
			throw LoupeException.invalidData("idempotency key must be 8 to 100 letters, digits, '-' or '_'");
		}
		boolean exists = Ids.hasPrefix(orderId, "order") && jdbc.sql("select count(*) from orders.sales_order where id = ?")
			.param(orderId)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			throw LoupeException.notFound("Order", Ids.hasPrefix(orderId, "order") ? orderId : "(malformed)");
		}
		jdbc.sql("""
				insert into orders.note (id, order_id, author, body, idempotency_key, created_at) values (?, ?, ?, ?, ?, ?)
				on conflict (order_id, idempotency_key) do nothing""")
			.params(Ids.next("onote"), orderId, author, text, idempotencyKey, Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select * from orders.note where order_id = ? and idempotency_key = ?")
			.params(orderId, idempotencyKey)
			.query(OrderNotes::note)
			.single();
	}

	/** The notes of an order, oldest first. */
	@Transactional(readOnly = true)
	public List<OrderNote> of(String orderId) {
		return jdbc.sql("select * from orders.note where order_id = ? order by created_at, id")
			.param(orderId)
			.query(OrderNotes::note)
			.list();
	}

	private static OrderNote note(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new OrderNote(rs.getString("id"), rs.getString("order_id"), rs.getString("author"), rs.getString("body"),
				rs.getTimestamp("created_at").toInstant());
	}
}
