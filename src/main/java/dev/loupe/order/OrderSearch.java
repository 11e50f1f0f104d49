package dev.loupe.order;

import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's order list: newest first, filtered, a page at a time. There is no total count (counting a large
 * store's orders on every page costs more than the page); a page tells whether another follows. Offsets are capped
 * at {@link #MAX_OFFSET} so that a deep page cannot make the database walk the whole table: narrow the filter
 * instead. The page's ids are read first, from the index alone when it can be (a deep page walks index entries, not
 * rows), then their rows. The indexes are in V102.
 */
@Service
@Transactional(readOnly = true)
public class OrderSearch {

	public static final int MAX_OFFSET = 10_000;
	public static final int MAX_LIMIT = 200;
	private static final int MAX_QUERY = 200;

	private final JdbcClient jdbc;

	OrderSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of orders and whether more follow. */
	public record Page(List<OrderSummary> orders, int offset, int limit, boolean hasMore) {
	}

	/** The orders matching the filter, newest first; a limit or offset out of range is {@code invalid_data}. */
	public Page find(OrderFilter filter, int limit, int offset) {
		if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
			throw LoupeException.invalidData("limit must be from 1 to " + MAX_LIMIT + " and offset from 0 to " + MAX_OFFSET);
		}
		// The page's ids first (an index-only scan of a newest-first index, even 10,000 rows deep), then their rows.
		StringBuilder sql = new StringBuilder("select id, created_at from orders.sales_order where true");
		List<Object> params = new ArrayList<>();
		String q = filter.q() == null ? "" : filter.q().strip();
		if (q.length() > MAX_QUERY || q.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search must be at most " + MAX_QUERY + " characters");
		}
		if (!q.isEmpty() || !filter.customerIds().isEmpty()) {
			List<String> alternatives = new ArrayList<>();
			String digits = q.startsWith("#") ? q.substring(1) : q;
			if (digits.matches("[0-9]{1,15}")) {
				alternatives.add("display_id = ?");
				params.add(Long.parseLong(digits));
			}
			if (!q.isEmpty()) {
				alternatives.add("lower(email) like ?");
				params.add(escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
			}
			if (!filter.customerIds().isEmpty()) {
				alternatives.add("customer_id = any(?)");
				params.add(filter.customerIds().toArray(String[]::new));
			}
			sql.append(" and (").append(String.join(" or ", alternatives)).append(')');
		}
		equal(sql, params, "status", filter.status());
		equal(sql, params, "payment_status", filter.paymentStatus());
		if (OrderFilter.AWAITING_FULFILLMENT.equals(filter.fulfillmentStatus())) {
			sql.append(" and fulfillment_status in ('not_fulfilled', 'partially_fulfilled')");
		}
		else {
			equal(sql, params, "fulfillment_status", filter.fulfillmentStatus());
		}
		equal(sql, params, "region_id", filter.regionId());
		if (filter.from() != null) {
			sql.append(" and created_at >= ?");
			params.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and created_at < ?");
			params.add(Timestamp.from(filter.to()));
		}
		sql.append(" order by created_at desc, id desc limit ? offset ?");
		params.add(limit + 1);
		params.add(offset);
		String page = """
				select o.id, o.display_id, o.created_at, o.email, o.customer_id, o.status, o.payment_status,
				  o.fulfillment_status, o.region_id, o.currency_code, o.total
				from (%s) p join orders.sales_order o on o.id = p.id
				order by p.created_at desc, p.id desc""".formatted(sql);
		List<OrderSummary> rows = jdbc.sql(page).params(params).query(OrderSearch::summary).list();
		boolean more = rows.size() > limit;
		return new Page(more ? rows.subList(0, limit) : rows, offset, limit, more);
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		if (value.length() > 100) {
			throw LoupeException.invalidData(column + " is too long");
		}
		sql.append(" and ").append(column).append(" = ?");
		params.add(value);
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static OrderSummary summary(ResultSet rs, int row) throws SQLException {
		return new OrderSummary(rs.getString("id"), rs.getLong("display_id"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("email"), rs.getString("customer_id"), OrderStatus.of(rs.getString("status")),
				rs.getString("payment_status"), rs.getString("fulfillment_status"), rs.getString("region_id"),
				Money.of(rs.getBigDecimal("total"), rs.getString("currency_code")));
	}
}
