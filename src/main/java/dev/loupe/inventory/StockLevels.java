package dev.loupe.inventory;

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
		return jdbc.query("""
				select variant_id, sum(stocked_quantity - reserved_quantity) as available,
				  coalesce(min(low_stock_threshold), :threshold) as threshold
				from inventory.inventory_level group by variant_id
				having sum(stocked_quantity - reserved_quantity) <= coalesce(min(low_stock_threshold), :threshold)
				order by available, variant_id limit :limit""",
				new MapSqlParameterSource("threshold", defaultThreshold).addValue("limit", limit),
				(rs, n) -> new LowStock(rs.getString("variant_id"), Math.max(0, rs.getInt("available")), rs.getInt("threshold")));
	}
}
