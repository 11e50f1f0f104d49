package dev.loupe.inventory;

import dev.loupe.platform.SqlExpression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** How much of each variant can be sold now: stocked minus reserved, over all stock locations. */
@Service
public class StockLevels {

	private final NamedParameterJdbcTemplate jdbc;

	StockLevels(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * As SQL, whether the variant whose id is {@code {id}} has stock to sell (stocked minus reserved over all
	 * locations above zero), for listings filtered in the database; whether a variant needs stock at all (managed
	 * inventory, back-orders) is the catalogue's to decide.
	 */
	public SqlExpression inStock() {
		return new SqlExpression("coalesce((select sum(il.stocked_quantity - il.reserved_quantity)"
				+ " from inventory.inventory_level il where il.variant_id = {id}), 0) > 0", Map.of());
	}

	/** Available quantities; variants without any level are absent (zero). */
	public Map<String, Integer> available(List<String> variantIds) {
		if (variantIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Integer> levels = new HashMap<>();
		jdbc.query("""
				select variant_id, sum(stocked_quantity - reserved_quantity) from inventory.inventory_level
				where variant_id = any(:ids) group by variant_id""",
				new MapSqlParameterSource("ids", variantIds.toArray(String[]::new)),
				rs -> {
					levels.put(rs.getString(1), Math.max(0, rs.getInt(2)));
				});
		return levels;
	}

	/**
	 * The variants with the least stock left at or below their low-stock threshold (the lowest threshold set on one
	 * of their levels, else {@code defaultThreshold}), fewest first.
	 */
	public java.util.List<LowStock> low(int defaultThreshold, int limit) {
		return low(defaultThreshold, limit, 0);
	}

	/** A page of {@link #low(int, int)}, for the back office's "low stock only" list. */
	public List<LowStock> low(int defaultThreshold, int limit, int offset) {
		return jdbc.query("""
				select variant_id, sum(stocked_quantity - reserved_quantity) as available,
				  coalesce(min(low_stock_threshold), :threshold) as threshold
				from inventory.inventory_level group by variant_id
				having sum(stocked_quantity - reserved_quantity) <= coalesce(min(low_stock_threshold), :threshold)
				order by available, variant_id limit :limit offset :offset""",
				new MapSqlParameterSource("threshold", defaultThreshold).addValue("limit", limit).addValue("offset", offset),
				(rs, n) -> new LowStock(rs.getString("variant_id"), Math.max(0, rs.getInt("available")), rs.getInt("threshold")));
	}

	/** How many variants {@link #low(int, int)} would list without a limit. */
	public long countLow(int defaultThreshold) {
		return jdbc.queryForObject("""
				select count(*) from (select 1 from inventory.inventory_level group by variant_id
				having sum(stocked_quantity - reserved_quantity) <= coalesce(min(low_stock_threshold), :threshold)) low""",
				new MapSqlParameterSource("threshold", defaultThreshold), Long.class);
	}

	/** The stock of one variant at one location (locations without a level row are absent). */
	public record Level(String variantId, String locationId, String locationName, int stocked, int reserved,
			Integer lowStockThreshold) {

		public int available() {
			return Math.max(0, stocked - reserved);
		}
	}

	/** One entry of the movement ledger: how stocked and reserved quantities changed, why and by whom. */
	public record Movement(long id, String locationId, String kind, int stockedDelta, int reservedDelta, String reference,
			String reason, String actor, java.time.Instant createdAt) {
	}

	/** The levels of these variants at every location, by variant then location name. */
	public List<Level> levels(List<String> variantIds) {
		if (variantIds.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				select l.variant_id, l.location_id, coalesce(s.name, l.location_id) as location_name, l.stocked_quantity,
				  l.reserved_quantity, l.low_stock_threshold
				from inventory.inventory_level l left join inventory.stock_location s on s.id = l.location_id
				where l.variant_id = any(:ids) order by l.variant_id, location_name, l.location_id""",
				new MapSqlParameterSource("ids", variantIds.toArray(String[]::new)),
				(rs, n) -> new Level(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getObject(6, Integer.class)));
	}

	/** The latest movements of a variant, newest first. */
	public List<Movement> movements(String variantId, int limit, int offset) {
		return jdbc.query("""
				select id, location_id, kind, stocked_delta, reserved_delta, reference, reason, actor, created_at
				from inventory.movement where variant_id = :variant order by id desc limit :limit offset :offset""",
				new MapSqlParameterSource("variant", variantId).addValue("limit", limit).addValue("offset", offset),
				(rs, n) -> new Movement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
	}
}
