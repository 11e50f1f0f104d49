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
}
