package dev.loupe.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.loupe.platform.Json;
import dev.loupe.platform.ReferenceCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the store's markets: regions, sales channels and publishable keys. */
@Service
public class Markets {

	// Every Store API request resolves its key: keep them briefly. Revoking a key or disabling a channel through
	// MarketSetup clears this at once; another instance sees the change within this time.
	private final ReferenceCache<String, Optional<List<String>>> keyChannels =
			new ReferenceCache<>(Duration.ofSeconds(10), 10_000);

	// Every cart read needs its region; regions change seldom. Changes through MarketSetup clear this at once; another
	// instance sees them within this time.
	private final ReferenceCache<String, List<Region>> regions = new ReferenceCache<>(Duration.ofSeconds(10), 1);

	private final JdbcClient jdbc;

	Markets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sales channels a live publishable key opens, or empty when the key is unknown or revoked. */
	public Optional<List<String>> salesChannelsOfKey(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		return keyChannels.get(token, t -> {
			List<String> rows = jdbc.sql("""
					select k.id, sc.id from market.publishable_api_key k
					left join market.publishable_api_key_sales_channel kc on kc.publishable_key_id = k.id
					left join market.sales_channel sc on sc.id = kc.sales_channel_id and sc.deleted_at is null and not sc.is_disabled
					where k.token = ? and k.revoked_at is null""")
				.param(t)
				.query((rs, n) -> rs.getString(2) == null ? "" : rs.getString(2))
				.list();
			return rows.isEmpty() ? Optional.empty() : Optional.of(rows.stream().filter(c -> !c.isEmpty()).toList());
		});
	}

	/** Live sales channels, oldest first. */
	public List<SalesChannel> salesChannels() {
		return jdbc.sql("""
				select id, name, description, is_disabled, created_at from market.sales_channel
				where deleted_at is null order by created_at, id""")
			.query((rs, n) -> new SalesChannel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** Live publishable keys, oldest first, with the sales channels each opens. */
	public List<PublishableKey> publishableKeys() {
		return publishableKeys(false);
	}

	/** Every publishable key, live and revoked, oldest first: a revoked key stays listed as revoked. */
	public List<PublishableKey> allPublishableKeys() {
		return publishableKeys(true);
	}

	/** A publishable key, live or revoked, by id. */
	public Optional<PublishableKey> publishableKey(String id) {
		return allPublishableKeys().stream().filter(k -> k.id().equals(id)).findFirst();
	}

	private List<PublishableKey> publishableKeys(boolean withRevoked) {
		Map<String, List<String>> channels = new HashMap<>();
		jdbc.sql("select publishable_key_id, sales_channel_id from market.publishable_api_key_sales_channel")
			.query((rs, n) -> channels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return jdbc.sql("select id, token, title, created_at, revoked_at from market.publishable_api_key"
				+ (withRevoked ? "" : " where revoked_at is null") + " order by created_at, id")
			.query((rs, n) -> new PublishableKey(rs.getString(1), rs.getString(2), rs.getString(3),
					List.copyOf(channels.getOrDefault(rs.getString(1), List.of())), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** A live sales channel (enabled or not) by id. */
	public Optional<SalesChannel> salesChannel(String id) {
		return salesChannels().stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/** The store (the first one, as a single-store installation has), if it was set up. */
	public Optional<StoreDetails> store() {
		return jdbc.sql("""
				select id, name, default_currency_code, support_email, contact_phone from market.store
				order by created_at, id limit 1""")
			.query((rs, n) -> new StoreDetails(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/** Live regions, oldest first, with their countries and payment providers. */
	public List<Region> regions() {
		return regions.get("all", k -> loadRegions(null));
	}

	public Optional<Region> region(String id) {
		return regions().stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/** Forgets the cached regions after a change. */
	void regionsChanged() {
		regions.changed();
	}

	/** Forgets which channels keys open, after a key is revoked or a channel is disabled. */
	void keysChanged() {
		keyChannels.changed();
	}

	private List<Region> loadRegions(String id) {
		List<Region> bare = jdbc.sql("select * from market.region where deleted_at is null"
				+ (id == null ? "" : " and id = :id") + " order by created_at, id")
			.params(id == null ? Map.of() : Map.of("id", id))
			.query(Markets::mapRegion)
			.list();
		if (bare.isEmpty()) {
			return bare;
		}
		String[] ids = bare.stream().map(Region::id).toArray(String[]::new);
		Map<String, List<Country>> countries = new HashMap<>();
		jdbc.sql("select * from market.region_country where region_id = any(?) order by iso_2")
			.param(ids)
			.query(rs -> {
				countries.computeIfAbsent(rs.getString("region_id"), k -> new ArrayList<>())
					.add(new Country(rs.getString("iso_2"), rs.getString("iso_3"), rs.getString("num_code"),
							rs.getString("name"), rs.getString("display_name")));
			});
		Map<String, List<String>> providers = new HashMap<>();
		jdbc.sql("select * from market.region_payment_provider where region_id = any(?) order by provider_id")
			.param(ids)
			.query(rs -> {
				providers.computeIfAbsent(rs.getString("region_id"), k -> new ArrayList<>()).add(rs.getString("provider_id"));
			});
		return bare.stream()
			.map(r -> new Region(r.id(), r.name(), r.currencyCode(), r.automaticTaxes(), r.taxInclusive(),
					countries.getOrDefault(r.id(), List.of()), providers.getOrDefault(r.id(), List.of()), r.metadata(),
					r.createdAt(), r.updatedAt()))
			.toList();
	}

	private static Region mapRegion(ResultSet rs, int row) throws SQLException {
		return new Region(rs.getString("id"), rs.getString("name"), rs.getString("currency_code"),
				rs.getBoolean("automatic_taxes"), rs.getBoolean("is_tax_inclusive"), List.of(), List.of(),
				Json.map(rs.getString("metadata")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	/** The sales channel of the oldest live publishable key: the one the demo storefront sells through. */
	public Optional<String> firstSalesChannelId() {
		return jdbc.sql("""
				select kc.sales_channel_id from market.publishable_api_key k
				join market.publishable_api_key_sales_channel kc on kc.publishable_key_id = k.id
				where k.revoked_at is null order by k.created_at, k.id limit 1""")
			.query(String.class)
			.optional();
	}

	/** The oldest live publishable key, which the start-up banner shows. */
	public Optional<String> firstPublishableKeyToken() {
		return jdbc.sql("select token from market.publishable_api_key where revoked_at is null order by created_at, id limit 1")
			.query(String.class)
			.optional();
	}

	/** The store's default sales channel, where new products are sold unless told otherwise. */
	public Optional<String> defaultSalesChannelId() {
		return jdbc.sql("""
				select s.default_sales_channel_id from market.store s where s.default_sales_channel_id is not null
				order by s.created_at limit 1""")
			.query(String.class)
			.optional()
			.or(this::firstSalesChannelId);
	}

	/** Whether a live sales channel has this id. */
	public boolean salesChannelExists(String id) {
		return jdbc.sql("select count(*) from market.sales_channel where id = ? and deleted_at is null")
			.param(id)
			.query(Integer.class)
			.single() > 0;
	}
}
