package dev.loupe.order;

import dev.loupe.order.internal.OrderRows;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads whole orders at once, for benchmarks and migrations from another platform: the orders are written as given
 * (statuses, dates, history), in JDBC batches and one transaction per call, with their addresses encrypted as the
 * checkout's orders are. No event is published (nothing is placed: the orders already happened).
 */
@Service
public class OrderImport {

	public static final int MAX_BATCH = 5_000;

	private final OrderRows rows;

	OrderImport(OrderRows rows) {
		this.rows = rows;
	}

	/** Inserts the orders and their history; at most {@link #MAX_BATCH} orders per call. */
	@Transactional
	public void insert(List<Order> orders, List<OrderChange> history) {
		if (orders.size() > MAX_BATCH) {
			throw new IllegalArgumentException("At most " + MAX_BATCH + " orders per batch");
		}
		rows.insertBatch(orders, history);
	}
}
