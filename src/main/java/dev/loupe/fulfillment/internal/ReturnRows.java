package dev.loupe.fulfillment.internal;

import dev.loupe.fulfillment.OrderReturn;
import dev.loupe.fulfillment.ReturnStatus;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code fulfillment.order_return} and its items. */
@Repository
public class ReturnRows {

	private final JdbcClient jdbc;

	ReturnRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String id, String orderId, String reason, String note, String locationId, Money refund,
			String currency, String idempotencyKey, String actor, List<OrderReturn.Item> items) {
		jdbc.sql("""
				insert into fulfillment.order_return (id, order_id, status, reason, note, location_id, refund_amount,
				  currency_code, idempotency_key, created_by) values (?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, orderId, reason, note, locationId, refund == null ? null : refund.amount(), currency,
					idempotencyKey, actor)
			.update();
		for (OrderReturn.Item item : items) {
			jdbc.sql("insert into fulfillment.order_return_item (return_id, line_id, variant_id, quantity) values (?, ?, ?, ?)")
				.params(id, item.lineId(), item.variantId(), item.quantity())
				.update();
		}
	}

	public Optional<OrderReturn> find(String id) {
		return read("where id = ?", id).stream().findFirst();
	}

	public Optional<OrderReturn> lock(String id) {
		return jdbc.sql("select id from fulfillment.order_return where id = ? for update").param(id).query(String.class)
			.optional()
			.flatMap(this::find);
	}

	public Optional<OrderReturn> byIdempotencyKey(String orderId, String key) {
		return jdbc.sql("select id from fulfillment.order_return where order_id = ? and idempotency_key = ?")
			.params(orderId, key)
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	public List<OrderReturn> forOrder(String orderId) {
		return read("where order_id = ? order by created_at, id", orderId);
	}

	public void setStatus(String id, ReturnStatus status, String refundStatus, String paymentId) {
		String stamp = switch (status) {
			case RECEIVED -> ", received_at = clock_timestamp()";
			case CLOSED -> ", closed_at = clock_timestamp()";
			case CANCELED -> ", canceled_at = clock_timestamp()";
			case REQUESTED -> "";
		};
		jdbc.sql("update fulfillment.order_return set status = ?, refund_status = coalesce(?, refund_status),"
				+ " payment_id = coalesce(?, payment_id), updated_at = now()" + stamp + " where id = ?")
			.params(status.wire(), refundStatus, paymentId, id)
			.update();
	}

	public void setRefunded(String id) {
		jdbc.sql("""
				update fulfillment.order_return set refund_status = 'refunded', refunded_at = clock_timestamp(),
				  updated_at = now() where id = ? and refund_status = 'pending'""")
			.param(id)
			.update();
	}

	private List<OrderReturn> read(String where, String value) {
		List<Object[]> heads = jdbc.sql("select * from fulfillment.order_return " + where)
			.param(value)
			.query((rs, n) -> new Object[] { rs.getString("id"), head(rs) })
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		List<String> ids = heads.stream().map(h -> (String) h[0]).toList();
		Map<String, List<OrderReturn.Item>> items = new HashMap<>();
		jdbc.sql("select * from fulfillment.order_return_item where return_id in (:ids) order by return_id, line_id")
			.param("ids", ids)
			.query(rs -> {
				items.computeIfAbsent(rs.getString("return_id"), k -> new ArrayList<>())
					.add(new OrderReturn.Item(rs.getString("line_id"), rs.getString("variant_id"), rs.getInt("quantity")));
			});
		List<OrderReturn> all = new ArrayList<>();
		for (Object[] h : heads) {
			OrderReturn r = (OrderReturn) h[1];
			all.add(new OrderReturn(r.id(), r.orderId(), r.status(), r.reason(), r.note(), r.locationId(),
					r.refundAmount(), r.refundStatus(), r.paymentId(), items.getOrDefault(r.id(), List.of()),
					r.createdBy(), r.createdAt(), r.receivedAt(), r.refundedAt(), r.closedAt(), r.canceledAt()));
		}
		return all;
	}

	private static OrderReturn head(ResultSet rs) throws SQLException {
		BigDecimal refund = rs.getBigDecimal("refund_amount");
		String currency = rs.getString("currency_code");
		return new OrderReturn(rs.getString("id"), rs.getString("order_id"),
				ReturnStatus.find(rs.getString("status")).orElseThrow(), rs.getString("reason"), rs.getString("note"),
				rs.getString("location_id"), refund == null ? null : Money.of(refund, currency),
				rs.getString("refund_status"), rs.getString("payment_id"), List.of(), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "received_at"), instant(rs, "refunded_at"),
				instant(rs, "closed_at"), instant(rs, "canceled_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
