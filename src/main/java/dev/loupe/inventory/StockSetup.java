package dev.loupe.inventory;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock locations and the stocked quantity of each variant in them. */
@Service
public class StockSetup {

	/** A quantity of one variant stocked at one location. */
	public record Stock(String variantId, String locationId, int quantity) {
	}

	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	StockSetup(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The stock locations that are not deleted, by name. */
	@Transactional(readOnly = true)
	public List<StockLocation> locations() {
		return jdbc.query("select id, name from inventory.stock_location where deleted_at is null order by name, id",
				(rs, row) -> new StockLocation(rs.getString("id"), rs.getString("name")));
	}

	@Transactional
	public String createLocation(String name, String addressJson) {
		if (name == null || name.isBlank()) {
			throw LoupeException.invalidData("name is required");
		}
		String id = Ids.next("sloc");
		jdbc.update("insert into inventory.stock_location (id, name, address) values (?, ?, ?::jsonb)", id, name,
				addressJson);
		return id;
	}

	/** Sets stocked quantities (replacing earlier ones), in batches; each change is written in the movement ledger. */
	@Transactional
	public void setStock(List<Stock> levels) {
		for (Stock s : levels) {
			if (s.quantity() < 0) {
				throw LoupeException.invalidData("stocked_quantity must not be negative (variant " + s.variantId() + ")");
			}
		}
		jdbc.batchUpdate("""
				with prev as (select stocked_quantity from inventory.inventory_level
				              where variant_id = ? and location_id = ? for update),
				up as (insert into inventory.inventory_level (variant_id, location_id, stocked_quantity) values (?, ?, ?)
				       on conflict (variant_id, location_id) do update set stocked_quantity = excluded.stocked_quantity, updated_at = now()
				       returning variant_id, location_id, stocked_quantity)
				insert into inventory.movement (variant_id, location_id, kind, stocked_delta, reserved_delta)
				select up.variant_id, up.location_id, 'stock_set', up.stocked_quantity - coalesce((select stocked_quantity from prev), 0), 0
				from up where up.stocked_quantity <> coalesce((select stocked_quantity from prev), 0)""",
				levels, 1000, (ps, s) -> {
					ps.setString(1, s.variantId());
					ps.setString(2, s.locationId());
					ps.setString(3, s.variantId());
					ps.setString(4, s.locationId());
					ps.setInt(5, s.quantity());
				});
		if (!levels.isEmpty()) {
			events.publishEvent(new StockChanged(levels.stream().map(Stock::variantId).distinct().toList()));
		}
	}

	/**
	 * Sets the stocked quantity of a variant at a location to {@code quantity} as a counted adjustment: the ledger
	 * records the difference with the reason, and the stock can go neither below zero nor below what is reserved.
	 * Returns the new stocked quantity.
	 */
	@Transactional
	public int count(String variantId, String locationId, int quantity, String reason, String actor) {
		if (quantity < 0) {
			throw LoupeException.invalidData("stocked_quantity must not be negative (variant " + variantId + ")");
		}
		List<Integer> stocked = jdbc.queryForList("""
				select stocked_quantity from inventory.inventory_level
				where variant_id = ? and location_id = ? for update""", Integer.class, variantId, locationId);
		int current = stocked.isEmpty() ? 0 : stocked.getFirst();
		return quantity == current ? current : adjust(variantId, locationId, quantity - current, reason, actor);
	}

	/**
	 * Changes the stocked quantity of a variant at a location by {@code delta} (a count, a damaged unit, a delivery)
	 * with a reason for the ledger. Stock can go neither below zero nor below what is reserved ({@code not_allowed}).
	 * Returns the new stocked quantity.
	 */
	@Transactional
	public int adjust(String variantId, String locationId, int delta, String reason, String actor) {
		if (reason == null || reason.isBlank()) {
			throw LoupeException.invalidData("reason is required for a stock adjustment");
		}
		List<int[]> level = jdbc.query("""
				select stocked_quantity, reserved_quantity from inventory.inventory_level
				where variant_id = ? and location_id = ? for update""",
				(rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }, variantId, locationId);
		if (level.isEmpty() && jdbc.queryForList("select 1 from inventory.stock_location where id = ? and deleted_at is null",
				Integer.class, locationId).isEmpty()) {
			throw LoupeException.notFound("Stock location", locationId);
		}
		int stocked = level.isEmpty() ? 0 : level.getFirst()[0];
		int reserved = level.isEmpty() ? 0 : level.getFirst()[1];
		long next = (long) stocked + delta;
		if (next < reserved) {
			throw LoupeException.notAllowed("Stock of variant " + variantId + " cannot go to " + next + ": " + reserved
					+ " are reserved for orders");
		}
		if (next > Integer.MAX_VALUE) {
			throw LoupeException.invalidData("Stock of variant " + variantId + " would exceed " + Integer.MAX_VALUE);
		}
		jdbc.update("""
				insert into inventory.inventory_level (variant_id, location_id, stocked_quantity) values (?, ?, ?)
				on conflict (variant_id, location_id) do update set stocked_quantity = excluded.stocked_quantity, updated_at = now()""",
				variantId, locationId, (int) next);
		jdbc.update("""
				insert into inventory.movement (variant_id, location_id, kind, stocked_delta, reserved_delta, reason, actor)
				values (?, ?, 'adjusted', ?, 0, ?, ?)""", variantId, locationId, delta, reason, actor);
		events.publishEvent(new StockChanged(List.of(variantId)));
		return (int) next;
	}
}
