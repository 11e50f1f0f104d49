package dev.loupe.inventory;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.List;
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

	StockSetup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	/** Sets stocked quantities (replacing earlier ones), in batches. */
	@Transactional
	public void setStock(List<Stock> levels) {
		for (Stock s : levels) {
			if (s.quantity() < 0) {
				throw LoupeException.invalidData("stocked_quantity must not be negative (variant " + s.variantId() + ")");
			}
		}
		jdbc.batchUpdate("""
				insert into inventory.inventory_level (variant_id, location_id, stocked_quantity) values (?, ?, ?)
				on conflict (variant_id, location_id) do update set stocked_quantity = excluded.stocked_quantity, updated_at = now()""",
				levels, 1000, (ps, s) -> {
					ps.setString(1, s.variantId());
					ps.setString(2, s.locationId());
					ps.setInt(3, s.quantity());
				});
	}
}
