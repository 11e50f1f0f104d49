package dev.loupe.order;

import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales figures for the dashboard: orders and sales (order totals, canceled orders left out) per day in UTC, one
 * currency at a time, since amounts in different currencies do not add up. Read from the index on created_at,
 * which includes the currency, status and total (V102).
 */
@Service
@Transactional(readOnly = true)
public class OrderReports {

	private final JdbcClient jdbc;

	OrderReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Orders and their total on one day. */
	public record Day(LocalDate day, long orders, Money sales) {
	}

	/** The currencies of the orders placed from {@code from} (inclusive) to {@code to}, most orders first. */
	public List<String> currencies(Instant from, Instant to) {
		return jdbc.sql("""
				select upper(currency_code) from orders.sales_order where created_at >= ? and created_at < ?
				group by upper(currency_code) order by count(*) desc, upper(currency_code)""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(String.class)
			.list();
	}

	/** Every UTC day from {@code first} to {@code last} (inclusive), days without orders as zero. */
	public List<Day> salesPerDay(String currencyCode, LocalDate first, LocalDate last) {
		Map<LocalDate, Day> days = new LinkedHashMap<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			days.put(d, new Day(d, 0, Money.zero(currencyCode)));
		}
		jdbc.sql("""
				select (created_at at time zone 'UTC')::date as day, count(*) as orders, sum(total) as sales
				from orders.sales_order where created_at >= ? and created_at < ? and lower(currency_code) = lower(?) and status <> 'canceled'
				group by 1""")
			.params(Timestamp.from(first.atStartOfDay().toInstant(ZoneOffset.UTC)),
					Timestamp.from(last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), currencyCode)
			.query(rs -> {
				LocalDate day = rs.getObject("day", LocalDate.class);
				BigDecimal sales = rs.getBigDecimal("sales");
				days.put(day, new Day(day, rs.getLong("orders"), Money.of(sales, currencyCode)));
			});
		return new ArrayList<>(days.values());
	}

	/** Orders still to be sent: pending and not (or only partly) fulfilled. */
	public long awaitingFulfillment() {
		return jdbc.sql("""
				select count(*) from orders.sales_order where fulfillment_status in ('not_fulfilled', 'partially_fulfilled')
				and status = 'pending'""")
			.query(Long.class)
			.single();
	}

	/** Orders placed in a period whatever their currency and status, as carts completed (for the conversion). */
	public long placed(Instant from, Instant to) {
		return jdbc.sql("select count(*) from orders.sales_order where created_at >= ? and created_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.single();
	}
}
