package dev.loupe.tax;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.ReferenceCache;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tax rates per region and country (optionally per province), in percent. */
@Service
public class TaxRates {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	// Every priced cart with an address reads its region's rates; they change seldom (ReferenceCache).
	private final ReferenceCache<String, java.util.List<PlacedRate>> byRegion =
			new ReferenceCache<>(java.time.Duration.ofSeconds(10), 1_000);

	private final JdbcClient jdbc;

	TaxRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the default rate for a country of a region, e.g. 19 % "MwSt" for Germany. */
	@Transactional
	public String addRate(String regionId, String countryCode, String provinceCode, String name, String code,
			BigDecimal ratePercent) {
		if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
			throw LoupeException.invalidData("rate must be between 0 and 100");
		}
		if (countryCode == null || !countryCode.matches("[A-Za-z]{2}")) {
			throw LoupeException.invalidData("country_code must be an ISO 3166 alpha-2 code");
		}
		if (name == null || name.isBlank() || code == null || code.isBlank()) {
			throw LoupeException.invalidData("name and code are required");
		}
		String id = Ids.next("txr");
		jdbc.sql("""
				insert into tax.tax_rate (id, region_id, country_code, province_code, name, code, rate)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, regionId, countryCode.toLowerCase(Locale.ROOT),
					provinceCode == null ? null : provinceCode.toLowerCase(Locale.ROOT), name, code, ratePercent)
			.update();
		byRegion.changed();
		return id;
	}

	/** Every live rate of a region, by country, province and code. */
	@Transactional(readOnly = true)
	public java.util.List<RegionTaxRate> ofRegion(String regionId) {
		return jdbc.sql("""
				select id, region_id, country_code, province_code, name, code, rate from tax.tax_rate
				where region_id = ? and deleted_at is null order by country_code, province_code nulls first, code, id""")
			.param(regionId)
			.query((rs, n) -> new RegionTaxRate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBigDecimal(7)))
			.list();
	}

	/** A live rate by id, or empty. */
	@Transactional(readOnly = true)
	public java.util.Optional<RegionTaxRate> find(String id) {
		return jdbc.sql("""
				select id, region_id, country_code, province_code, name, code, rate from tax.tax_rate
				where id = ? and deleted_at is null""")
			.param(id)
			.query((rs, n) -> new RegionTaxRate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBigDecimal(7)))
			.optional();
	}

	/** Changes a rate's percentage (0 to 100, at most 4 decimals); carts priced later use it. */
	@Transactional
	public void changeRate(String id, BigDecimal ratePercent) {
		if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0
				|| ratePercent.stripTrailingZeros().scale() > 4) {
			throw LoupeException.invalidData("rate must be between 0 and 100, with at most 4 decimals");
		}
		int updated = jdbc.sql("update tax.tax_rate set rate = ?, updated_at = now() where id = ? and deleted_at is null")
			.params(ratePercent, id)
			.update();
		if (updated == 0) {
			throw LoupeException.notFound("Tax rate", id);
		}
		byRegion.changed();
	}

	/**
	 * The rates of a place in a region: the province's own rates when it has any, otherwise the country's
	 * (rates without a province). An unknown place has no rates (no tax).
	 */
	public java.util.List<TaxRate> applicable(String regionId, String countryCode, String provinceCode) {
		if (countryCode == null) {
			return java.util.List.of();
		}
		String country = countryCode.toLowerCase(Locale.ROOT);
		String province = provinceCode == null ? "" : provinceCode.toLowerCase(Locale.ROOT);
		java.util.List<PlacedRate> all = byRegion.get(regionId, this::load).stream()
			.filter(r -> r.country().equals(country))
			.toList();
		java.util.List<TaxRate> own = all.stream().filter(r -> !province.isEmpty() && r.province().equals(province))
			.map(PlacedRate::rate).toList();
		return own.isEmpty() ? all.stream().filter(r -> r.province().isEmpty()).map(PlacedRate::rate).toList() : own;
	}

	private java.util.List<PlacedRate> load(String regionId) {
		return jdbc.sql("""
				select id, name, code, rate, country_code, province_code from tax.tax_rate
				where region_id = ? and deleted_at is null order by code, id""")
			.param(regionId)
			.query((rs, n) -> new PlacedRate(rs.getString("country_code"),
					rs.getString("province_code") == null ? "" : rs.getString("province_code"),
					new TaxRate(rs.getString("id"), rs.getString("name"), rs.getString("code"), rs.getBigDecimal("rate"))))
			.list();
	}

	/** A rate with the place it applies to (province "" for the whole country). */
	private record PlacedRate(String country, String province, TaxRate rate) {
	}
}
