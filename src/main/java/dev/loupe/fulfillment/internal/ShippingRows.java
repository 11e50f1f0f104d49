package dev.loupe.fulfillment.internal;

import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingOptionType;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.fulfillment.ShippingProfile;
import dev.loupe.fulfillment.WeightBracket;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Json;
import dev.loupe.platform.Money;
import dev.loupe.platform.ReferenceCache;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of the {@code fulfillment} schema. Options are read with their prices and brackets in three queries, and
 * kept in memory for a few seconds: every cart with a shipping method re-prices it on each change, and a store has a
 * handful of options. Every write here forgets them ({@link ReferenceCache}).
 */
@Repository
public class ShippingRows {

	private final ReferenceCache<String, List<ShippingOption>> live = new ReferenceCache<>(Duration.ofSeconds(10), 1);

	private final JdbcClient jdbc;

	ShippingRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- profiles

	public void insertProfile(String id, String name, String type, Map<String, Object> metadata) {
		jdbc.sql("insert into fulfillment.shipping_profile (id, name, type, metadata) values (?, ?, ?, ?::jsonb)")
			.params(id, name, type, Json.write(metadata))
			.update();
	}

	public Optional<ShippingProfile> profile(String id) {
		return jdbc.sql("select * from fulfillment.shipping_profile where id = ? and deleted_at is null")
			.param(id)
			.query(ShippingRows::profile)
			.optional();
	}

	/** The live profile of a built-in type ({@code default} or {@code digital}). */
	public Optional<ShippingProfile> profileOfType(String type) {
		return jdbc.sql("select * from fulfillment.shipping_profile where type = ? and deleted_at is null")
			.param(type)
			.query(ShippingRows::profile)
			.optional();
	}

	public boolean profileNameTaken(String name, String exceptId) {
		return jdbc.sql("""
				select exists (select 1 from fulfillment.shipping_profile
				where lower(name) = lower(?) and deleted_at is null and id <> ?)""")
			.params(name, exceptId == null ? "" : exceptId)
			.query(Boolean.class)
			.single();
	}

	public List<ShippingProfile> profiles() {
		return jdbc.sql("select * from fulfillment.shipping_profile where deleted_at is null order by created_at, id")
			.query(ShippingRows::profile)
			.list();
	}

	public void renameProfile(String id, String name) {
		live.changed();
		jdbc.sql("update fulfillment.shipping_profile set name = ?, updated_at = now() where id = ?").params(name, id).update();
	}

	public void deleteProfile(String id) {
		live.changed();
		jdbc.sql("update fulfillment.shipping_profile set deleted_at = now() where id = ?").param(id).update();
	}

	public boolean profileInUse(String id) {
		return jdbc.sql("""
				select exists (select 1 from fulfillment.shipping_option
				where shipping_profile_id = ? and deleted_at is null)""")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private static ShippingProfile profile(ResultSet rs, int row) throws SQLException {
		return new ShippingProfile(rs.getString("id"), rs.getString("name"), rs.getString("type"),
				Json.map(rs.getString("metadata")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	// ---------------------------------------------------------------- options

	public void insertOption(String id, String profileId, ShippingOptionDraft d, List<String> countries) {
		live.changed();
		jdbc.sql("""
				insert into fulfillment.shipping_option (id, region_id, name, shipping_profile_id, provider_id, price_type,
				  country_codes, type_id, type_label, type_description, type_code, data, is_enabled, metadata)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)""")
			.params(id, d.regionId(), d.name(), profileId, d.providerId(), d.priceType(), array(countries),
					Ids.next("sotype"), d.typeLabel(), d.typeDescription(), d.typeCode(), Json.write(d.data()),
					d.enabled(), Json.write(d.metadata()))
			.update();
		writePricing(id, d);
	}

	/** Replaces everything but the id, the region and the type's id. */
	public void updateOption(String id, String profileId, ShippingOptionDraft d, List<String> countries) {
		live.changed();
		jdbc.sql("""
				update fulfillment.shipping_option set name = ?, shipping_profile_id = ?, provider_id = ?, price_type = ?,
				  country_codes = ?, type_label = ?, type_description = ?, type_code = ?, data = ?::jsonb, is_enabled = ?,
				  metadata = ?::jsonb, updated_at = now()
				where id = ?""")
			.params(d.name(), profileId, d.providerId(), d.priceType(), array(countries), d.typeLabel(),
					d.typeDescription(), d.typeCode(), Json.write(d.data()), d.enabled(), Json.write(d.metadata()), id)
			.update();
		jdbc.sql("delete from fulfillment.shipping_option_price where shipping_option_id = ?").param(id).update();
		jdbc.sql("delete from fulfillment.rate_bracket where shipping_option_id = ?").param(id).update();
		writePricing(id, d);
	}

	private void writePricing(String id, ShippingOptionDraft d) {
		for (ShippingPrice p : d.prices()) {
			jdbc.sql("""
					insert into fulfillment.shipping_option_price (id, shipping_option_id, currency_code, amount, free_over,
					  is_tax_inclusive) values (?, ?, ?, ?, ?, ?)""")
				.params(Ids.next("soprice"), id, p.amount().currencyCodeLower(), p.amount().amount(),
						p.freeOver() == null ? null : p.freeOver().amount(), p.taxInclusive())
				.update();
		}
		for (WeightBracket b : d.brackets()) {
			jdbc.sql("""
					insert into fulfillment.rate_bracket (shipping_option_id, currency_code, up_to_grams, amount,
					  is_tax_inclusive) values (?, ?, ?, ?, ?)""")
				.params(id, b.amount().currencyCodeLower(), b.upToGrams(), b.amount().amount(), b.taxInclusive())
				.update();
		}
	}

	public void setEnabled(String id, boolean enabled) {
		live.changed();
		jdbc.sql("update fulfillment.shipping_option set is_enabled = ?, updated_at = now() where id = ?")
			.params(enabled, id)
			.update();
	}

	public void deleteOption(String id) {
		live.changed();
		jdbc.sql("update fulfillment.shipping_option set deleted_at = now() where id = ? and deleted_at is null")
			.param(id)
			.update();
	}

	/** A live option (enabled or not). */
	public Optional<ShippingOption> option(String id) {
		return allOptions().stream().filter(o -> o.id().equals(id)).findFirst();
	}

	/** The live options of a region (enabled or not), oldest first. */
	public List<ShippingOption> options(String regionId) {
		return allOptions().stream().filter(o -> o.regionId().equals(regionId)).toList();
	}

	/** Every live option, oldest first: a store has a handful per region. */
	public List<ShippingOption> allOptions() {
		return live.get("all", k -> load("true"));
	}

	private List<ShippingOption> load(String condition, Object... params) {
		List<ShippingOption> bare = jdbc.sql("select * from fulfillment.shipping_option where deleted_at is null and "
				+ condition + " order by created_at, id")
			.params(params)
			.query(ShippingRows::option)
			.list();
		if (bare.isEmpty()) {
			return List.of();
		}
		String[] ids = bare.stream().map(ShippingOption::id).toArray(String[]::new);
		Map<String, List<ShippingPrice>> prices = new HashMap<>();
		jdbc.sql("select * from fulfillment.shipping_option_price where shipping_option_id = any(?) order by currency_code")
			.param(ids)
			.query(rs -> {
				String currency = rs.getString("currency_code");
				prices.computeIfAbsent(rs.getString("shipping_option_id"), k -> new ArrayList<>())
					.add(new ShippingPrice(rs.getString("id"), Money.of(rs.getBigDecimal("amount"), currency),
							rs.getBigDecimal("free_over") == null ? null : Money.of(rs.getBigDecimal("free_over"), currency),
							rs.getBoolean("is_tax_inclusive")));
			});
		Map<String, List<WeightBracket>> brackets = new HashMap<>();
		jdbc.sql("""
				select * from fulfillment.rate_bracket where shipping_option_id = any(?)
				order by currency_code, up_to_grams""")
			.param(ids)
			.query(rs -> {
				brackets.computeIfAbsent(rs.getString("shipping_option_id"), k -> new ArrayList<>())
					.add(new WeightBracket(rs.getLong("up_to_grams"),
							Money.of(rs.getBigDecimal("amount"), rs.getString("currency_code")),
							rs.getBoolean("is_tax_inclusive")));
			});
		return bare.stream()
			.map(o -> new ShippingOption(o.id(), o.regionId(), o.name(), o.profileId(), o.providerId(), o.priceType(),
					o.countryCodes(), prices.getOrDefault(o.id(), List.of()), brackets.getOrDefault(o.id(), List.of()),
					o.type(), o.data(), o.enabled(), o.metadata(), o.createdAt(), o.updatedAt()))
			.toList();
	}

	/** An option without its prices and brackets, which {@link #load} adds. */
	private static ShippingOption option(ResultSet rs, int row) throws SQLException {
		return new ShippingOption(rs.getString("id"), rs.getString("region_id"), rs.getString("name"),
				rs.getString("shipping_profile_id"), rs.getString("provider_id"), rs.getString("price_type"),
				list(rs.getArray("country_codes")), List.of(), List.of(),
				new ShippingOptionType(rs.getString("type_id"), rs.getString("type_label"),
						rs.getString("type_description"), rs.getString("type_code")),
				Json.map(rs.getString("data")), rs.getBoolean("is_enabled"), Json.map(rs.getString("metadata")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static String[] array(List<String> values) {
		return values.isEmpty() ? null : values.toArray(String[]::new);
	}

	private static List<String> list(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
