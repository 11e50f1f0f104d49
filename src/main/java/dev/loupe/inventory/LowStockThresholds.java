package dev.loupe.inventory;

import dev.loupe.platform.LoupeException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a variant counts as running low: a threshold per variant and location, else the store-wide default stored
 * here, else the configured one the caller passes.
 */
@Service
public class LowStockThresholds {

	public static final int MAX = 1_000_000;

	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	LowStockThresholds(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The store-wide threshold set by staff, else {@code configured}. */
	@Transactional(readOnly = true)
	public int storeDefault(int configured) {
		List<Integer> stored = jdbc.queryForList("select low_stock_threshold from inventory.stock_settings", Integer.class);
		return stored.isEmpty() ? configured : stored.getFirst();
	}

	/** Sets the store-wide threshold; returns the previous stored one (null when the configured default applied). */
	@Transactional
	public Integer setStoreDefault(int threshold) {
		check(threshold);
		List<Integer> before = jdbc.queryForList("select low_stock_threshold from inventory.stock_settings for update",
				Integer.class);
		jdbc.update("""
				insert into inventory.stock_settings (id, low_stock_threshold) values (true, ?)
				on conflict (id) do update set low_stock_threshold = excluded.low_stock_threshold, updated_at = now()""",
				threshold);
		return before.isEmpty() ? null : before.getFirst();
	}

	/**
	 * Sets (or, with null, clears so the store-wide default applies) the threshold of a variant at a live location;
	 * a variant not stocked there yet gets an empty level. Returns the previous threshold.
	 */
	@Transactional
	public Integer setThreshold(String variantId, String locationId, Integer threshold) {
		if (threshold != null) {
			check(threshold);
		}
		if (jdbc.queryForList("select 1 from inventory.stock_location where id = ? and deleted_at is null", Integer.class,
				locationId).isEmpty()) {
			throw LoupeException.notFound("Stock location", locationId);
		}
		List<Integer> before = jdbc.query("""
				select low_stock_threshold from inventory.inventory_level where variant_id = ? and location_id = ?
				for update""", (rs, n) -> rs.getObject(1, Integer.class), variantId, locationId);
		if (before.isEmpty()) {
			jdbc.update("""
					insert into inventory.inventory_level (variant_id, location_id, low_stock_threshold) values (?, ?, ?)
					on conflict (variant_id, location_id) do update set low_stock_threshold = excluded.low_stock_threshold,
					  updated_at = now()""", variantId, locationId, threshold);
		}
		else {
			jdbc.update("""
					update inventory.inventory_level set low_stock_threshold = ?, updated_at = now()
					where variant_id = ? and location_id = ?""", threshold, variantId, locationId);
		}
		// Pages that say "only 3 left" depend on the stock state, not the threshold; nothing to invalidate, but the
		// level may be new, which is a stock change for listings filtered by stock.
		if (before.isEmpty()) {
			events.publishEvent(new StockChanged(List.of(variantId)));
		}
		return before.isEmpty() ? null : before.getFirst();
	}

	private static void check(int threshold) {
		if (threshold < 0 || threshold > MAX) {
			throw LoupeException.invalidData("A low-stock threshold is a whole number from 0 to " + MAX + ".");
		}
	}
}
