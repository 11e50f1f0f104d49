package dev.loupe.market;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.security.SecureRandom;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets up what a store sells in: the store, its regions, sales channels and publishable keys. */
@Service
public class MarketSetup {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Markets markets;

	MarketSetup(JdbcClient jdbc, Markets markets) {
		this.jdbc = jdbc;
		this.markets = markets;
	}

	/** Creates the store with its currencies; the first currency is the default. */
	@Transactional
	public String createStore(String name, List<String> currencyCodes) {
		if (name == null || name.isBlank()) {
			throw LoupeException.invalidData("name is required");
		}
		if (currencyCodes.isEmpty()) {
			throw LoupeException.invalidData("A store needs at least one currency");
		}
		List<String> codes = currencyCodes.stream().map(MarketSetup::currency).toList();
		String id = Ids.next("store");
		jdbc.sql("insert into market.store (id, name, default_currency_code) values (?, ?, ?)")
			.params(id, name.strip(), codes.getFirst())
			.update();
		for (String code : codes) {
			jdbc.sql("insert into market.store_currency (store_id, currency_code, is_default) values (?, ?, ?)")
				.params(id, code, code.equals(codes.getFirst()))
				.update();
		}
		return id;
	}

	/** Creates a region; a country already in another region is a conflict, as in Medusa. */
	@Transactional
	public String createRegion(RegionDraft draft) {
		if (draft.name() == null || draft.name().isBlank()) {
			throw LoupeException.invalidData("name is required");
		}
		String currency = currency(draft.currencyCode());
		String id = Ids.next("reg");
		jdbc.sql("insert into market.region (id, name, currency_code, is_tax_inclusive) values (?, ?, ?, ?)")
			.params(id, draft.name().strip(), currency, draft.taxInclusive())
			.update();
		assignCountries(id, draft.countries());
		for (String provider : draft.paymentProviders()) {
			jdbc.sql("insert into market.region_payment_provider (region_id, provider_id) values (?, ?)")
				.params(id, provider)
				.update();
		}
		regionsChanged();
		return id;
	}

	/**
	 * Changes a region's name, countries and tax-inclusive flag. Countries taken out of it belong to no region
	 * afterwards; a country of another region is a conflict.
	 */
	@Transactional
	public void updateRegion(String id, RegionChange change) {
		String name = change.name() == null ? "" : change.name().strip();
		if (name.isEmpty() || name.length() > 200 || name.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The region name must be 1 to 200 characters");
		}
		int updated = jdbc.sql("""
				update market.region set name = ?, is_tax_inclusive = ?, updated_at = now()
				where id = ? and deleted_at is null""")
			.params(name, change.taxInclusive(), id)
			.update();
		if (updated == 0) {
			throw LoupeException.notFound("Region", id);
		}
		jdbc.sql("update market.region_country set region_id = null where region_id = ?").param(id).update();
		assignCountries(id, change.countries());
		regionsChanged();
	}

	/** Puts these countries in the region; one that belongs to another region is a conflict, as in Medusa. */
	private void assignCountries(String regionId, List<String> codes) {
		for (String code : codes) {
			Country country = Country.of(code);
			String owner = jdbc.sql("select region_id from market.region_country where iso_2 = ?")
				.param(country.iso2())
				.query(String.class)
				.optional()
				.orElse(null);
			if (owner != null && !owner.equals(regionId)) {
				String ownerName = jdbc.sql("select name from market.region where id = ?").param(owner)
					.query(String.class).optional().orElse(owner);
				throw LoupeException.invalidData("Country with code " + country.iso2()
						+ " is already assigned to a region (" + ownerName + ")");
			}
			jdbc.sql("""
					insert into market.region_country (iso_2, iso_3, num_code, name, display_name, region_id)
					values (?, ?, ?, ?, ?, ?)
					on conflict (iso_2) do update set region_id = excluded.region_id""")
				.params(country.iso2(), country.iso3(), country.numCode(), country.name(), country.displayName(), regionId)
				.update();
		}
	}

	/** Clears the regions cache now and again once the change is committed (a read in between may cache the old). */
	private void regionsChanged() {
		markets.regionsChanged();
	}

	/** Clears the key cache now and once committed, so the Store API refuses a revoked key at once. */
	private void keysChanged() {
		markets.keysChanged();
	}

	/** Creates an enabled sales channel; the description may be empty. */
	@Transactional
	public String createSalesChannel(String name, String description) {
		if (name == null || name.isBlank()) {
			throw LoupeException.invalidData("name is required");
		}
		String id = Ids.next("sc");
		jdbc.sql("insert into market.sales_channel (id, name, description) values (?, ?, ?)")
			.params(id, channelName(name), channelDescription(description))
			.update();
		return id;
	}

	/** Renames a sales channel and changes its description (empty for none). */
	@Transactional
	public void updateSalesChannel(String id, String name, String description) {
		int updated = jdbc.sql("""
				update market.sales_channel set name = ?, description = ?, updated_at = now()
				where id = ? and deleted_at is null""")
			.params(channelName(name), channelDescription(description), id)
			.update();
		if (updated == 0) {
			throw LoupeException.notFound("Sales channel", id);
		}
	}

	/**
	 * Disables or enables a sales channel. Keys that open a disabled channel no longer see its products or make carts
	 * in it, from the moment this commits.
	 */
	@Transactional
	public void setSalesChannelDisabled(String id, boolean disabled) {
		int updated = jdbc.sql("""
				update market.sales_channel set is_disabled = ?, updated_at = now() where id = ? and deleted_at is null""")
			.params(disabled, id)
			.update();
		if (updated == 0) {
			throw LoupeException.notFound("Sales channel", id);
		}
		keysChanged();
	}

	private static String channelName(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 200 || clean.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The sales channel name must be 1 to 200 characters");
		}
		return clean;
	}

	private static String channelDescription(String description) {
		String clean = description == null ? "" : description.strip();
		if (clean.length() > 1000 || clean.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The description must be at most 1000 characters");
		}
		return clean.isEmpty() ? null : clean;
	}

	/** Changes the store's name, support email and phone (empty for none); the email is checked loosely. */
	@Transactional
	public void updateStoreDetails(String storeId, String name, String supportEmail, String contactPhone) {
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 200 || cleanName.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The store name must be 1 to 200 characters");
		}
		String email = supportEmail == null || supportEmail.isBlank() ? null : supportEmail.strip();
		if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw LoupeException.invalidData("The support email must be a valid email address");
		}
		String phone = contactPhone == null || contactPhone.isBlank() ? null : contactPhone.strip();
		if (phone != null && (phone.length() > 40 || !phone.matches("[0-9+()./ -]+"))) {
			throw LoupeException.invalidData("The phone number may hold digits, spaces and + ( ) - . / only");
		}
		int updated = jdbc.sql("""
				update market.store set name = ?, support_email = ?, contact_phone = ?, updated_at = now() where id = ?""")
			.params(cleanName, email, phone, storeId)
			.update();
		if (updated == 0) {
			throw LoupeException.notFound("Store", storeId);
		}
	}

	/** Makes the default region and sales channel of the store, as storefronts without a choice use them. */
	@Transactional
	public void setStoreDefaults(String storeId, String regionId, String salesChannelId) {
		jdbc.sql("update market.store set default_region_id = ?, default_sales_channel_id = ?, updated_at = now() where id = ?")
			.params(regionId, salesChannelId, storeId)
			.update();
	}

	/** Creates a publishable key ({@code pk_} and 64 hex digits) for storefronts of these sales channels. */
	@Transactional
	public PublishableKey createPublishableKey(String title, List<String> salesChannelIds) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "pk_" + HexFormat.of().formatHex(secret);
		String id = Ids.next("apk");
		jdbc.sql("insert into market.publishable_api_key (id, token, title) values (?, ?, ?)")
			.params(id, token, title)
			.update();
		for (String channel : salesChannelIds) {
			int found = jdbc.sql("select count(*) from market.sales_channel where id = ? and deleted_at is null")
				.param(channel)
				.query(Integer.class)
				.single();
			if (found == 0) {
				throw LoupeException.notFound("Sales channel", channel);
			}
			jdbc.sql("insert into market.publishable_api_key_sales_channel (publishable_key_id, sales_channel_id) values (?, ?)")
				.params(id, channel)
				.update();
		}
		return markets.publishableKey(id).orElseThrow();
	}

	/**
	 * Revokes a publishable key: the Store API refuses it from the moment this commits (as it refuses an unknown key),
	 * and it stays listed as revoked. Revoking a revoked key changes nothing.
	 */
	@Transactional
	public PublishableKey revokePublishableKey(String id, String revokedBy) {
		int updated = jdbc.sql("""
				update market.publishable_api_key set revoked_at = now(), revoked_by = ?, updated_at = now()
				where id = ? and revoked_at is null""")
			.params(revokedBy, id)
			.update();
		PublishableKey key = markets.publishableKey(id).orElseThrow(() -> LoupeException.notFound("Publishable key", id));
		if (updated > 0) {
			keysChanged();
		}
		return key;
	}

	private static String currency(String code) {
		try {
			return Currency.getInstance(code == null ? "" : code.toUpperCase(Locale.ROOT)).getCurrencyCode().toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException e) {
			throw LoupeException.invalidData("currency_code '" + code + "' is not an ISO 4217 currency");
		}
	}
}
