package dev.loupe.pricing;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Base prices of variants and price lists (sales with a start and an end). */
@Service
public class PriceSetup {

	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	PriceSetup(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Adds base prices, in batches; publishes {@link PricesChanged} with the transaction. */
	@Transactional
	public void addPrices(List<PriceDraft> prices) {
		insert(prices, null);
		events.publishEvent(prices.size() > 1000 ? PricesChanged.all()
				: new PricesChanged(prices.stream().map(PriceDraft::variantId).distinct().toList()));
	}

	/** Creates an active sale price list valid between {@code startsAt} and {@code endsAt} (either may be open). */
	@Transactional
	public String createSale(String title, String description, Instant startsAt, Instant endsAt, List<PriceDraft> prices) {
		if (title == null || title.isBlank()) {
			throw LoupeException.invalidData("title is required");
		}
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw LoupeException.invalidData("ends_at must be after starts_at");
		}
		String id = Ids.next("plist");
		jdbc.update("""
				insert into pricing.price_list (id, title, description, type, status, starts_at, ends_at)
				values (?, ?, ?, 'sale', 'active', ?, ?)""", id, title, description == null ? "" : description,
				startsAt == null ? null : Timestamp.from(startsAt), endsAt == null ? null : Timestamp.from(endsAt));
		insert(prices, id);
		events.publishEvent(PricesChanged.all());
		return id;
	}

	/**
	 * Replaces the base prices of a variant (not its price-list prices) with these; an empty list leaves it unpriced.
	 * A currency, or a currency and region, may appear once.
	 */
	@Transactional
	public void replaceBasePrices(String variantId, List<PriceDraft> prices) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (PriceDraft p : prices) {
			if (!p.variantId().equals(variantId)) {
				throw new IllegalArgumentException("price of another variant: " + p.variantId());
			}
			if (!seen.add(p.amount().currencyCodeLower() + "|" + p.regionId())) {
				throw LoupeException.invalidData("prices name " + p.amount().currencyCodeLower().toUpperCase(java.util.Locale.ROOT)
						+ (p.regionId() == null ? "" : " for region " + p.regionId()) + " more than once");
			}
		}
		jdbc.update("""
				update pricing.price set deleted_at = now(), updated_at = now()
				where variant_id = ? and price_list_id is null and deleted_at is null""", variantId);
		insert(prices, null);
		events.publishEvent(new PricesChanged(List.of(variantId)));
	}

	/** Live base prices of these variants, by variant, currency then region. */
	@Transactional(readOnly = true)
	public java.util.Map<String, List<VariantPrice>> basePrices(List<String> variantIds) {
		java.util.Map<String, List<VariantPrice>> prices = new java.util.HashMap<>();
		jdbc.query("""
				select id, variant_id, currency_code, region_id, amount from pricing.price
				where variant_id = any(?) and price_list_id is null and deleted_at is null
				order by variant_id, currency_code, region_id nulls first""", rs -> {
			prices.computeIfAbsent(rs.getString("variant_id"), k -> new java.util.ArrayList<>())
				.add(new VariantPrice(rs.getString("id"), rs.getString("variant_id"),
						Money.of(rs.getBigDecimal("amount"), rs.getString("currency_code")), rs.getString("region_id")));
		}, (Object) variantIds.toArray(String[]::new));
		return prices;
	}

	/**
	 * Changes the base price (for no region) in one currency of these variants by a percentage from -90 to +1000,
	 * rounded to the currency's minor unit; variants without a price in that currency keep none. Returns how many
	 * prices changed.
	 */
	@Transactional
	public int adjustBasePrices(List<String> variantIds, String currency, java.math.BigDecimal percent) {
		if (percent.compareTo(java.math.BigDecimal.valueOf(-90)) < 0
				|| percent.compareTo(java.math.BigDecimal.valueOf(1000)) > 0) {
			throw LoupeException.invalidData("A price adjustment goes from -90% to +1000%.");
		}
		java.math.BigDecimal factor = java.math.BigDecimal.ONE.add(percent.movePointLeft(2));
		List<Object[]> changes = new java.util.ArrayList<>();
		jdbc.query("""
				select id, amount from pricing.price where variant_id = any(?) and currency_code = ? and region_id is null
				  and price_list_id is null and deleted_at is null""", rs -> {
			Money next = Money.of(rs.getBigDecimal("amount"), currency).times(factor).rounded();
			changes.add(new Object[] { next.amount(), rs.getString("id") });
		}, variantIds.toArray(String[]::new), Money.currency(currency).getCurrencyCode().toLowerCase(java.util.Locale.ROOT));
		jdbc.batchUpdate("update pricing.price set amount = ?, updated_at = now() where id = ?", changes);
		events.publishEvent(new PricesChanged(List.copyOf(variantIds)));
		return changes.size();
	}

	/** Sets the base price (for no region) in the amount's currency of each of these variants to the amount. */
	@Transactional
	public void setBasePrice(List<String> variantIds, Money amount) {
		if (amount.isNegative()) {
			throw LoupeException.invalidData("amount must not be negative");
		}
		jdbc.update("""
				update pricing.price set deleted_at = now(), updated_at = now() where variant_id = any(?)
				  and currency_code = ? and region_id is null and price_list_id is null and deleted_at is null""",
				variantIds.toArray(String[]::new), amount.currencyCodeLower());
		insert(variantIds.stream().map(v -> PriceDraft.of(v, amount)).toList(), null);
		events.publishEvent(new PricesChanged(List.copyOf(variantIds)));
	}

	/** Adds prices to a price list; returns their ids in order. The caller publishes the change. */
	List<String> addToPriceList(String priceListId, List<PriceDraft> prices) {
		return insert(prices, priceListId);
	}

	private List<String> insert(List<PriceDraft> prices, String priceListId) {
		for (PriceDraft p : prices) {
			if (p.amount().isNegative()) {
				throw LoupeException.invalidData("amount must not be negative (variant " + p.variantId() + ")");
			}
		}
		List<String> ids = prices.stream().map(p -> Ids.next("price")).toList();
		java.util.Iterator<String> next = ids.iterator();
		jdbc.batchUpdate("""
				insert into pricing.price (id, variant_id, currency_code, region_id, amount, price_list_id)
				values (?, ?, ?, ?, ?, ?)""", prices, 1000, (ps, p) -> {
			ps.setString(1, next.next());
			ps.setString(2, p.variantId());
			ps.setString(3, p.amount().currencyCodeLower());
			ps.setString(4, p.regionId());
			ps.setBigDecimal(5, p.amount().amount());
			ps.setString(6, priceListId);
		});
		return ids;
	}
}
