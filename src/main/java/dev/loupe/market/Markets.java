package dev.loupe.market;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the store's markets: regions, sales channels and publishable keys. */
@Service
public class Markets {

	private final JdbcClient jdbc;

	Markets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a store has been set up at all (an empty database has none). */
	public boolean hasStore() {
		return jdbc.sql("select exists (select 1 from market.store)").query(Boolean.class).single();
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
}
