package dev.loupe.pricing;

import dev.loupe.platform.Money;
import dev.loupe.platform.SqlExpression;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Calculates the prices of variants in a context: the regular price is the region's own price if there is one, else
 * the currency's; an active sale price list (within its dates) lowers it, never raises it.
 */
@Service
public class PriceCalculator {

	/** A stored price that may apply. */
	public record Candidate(String priceId, BigDecimal amount, String regionId, String priceListId, String priceListType) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	PriceCalculator(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Prices of these variants in the context; variants without a price in its currency are absent. */
	public Map<String, CalculatedPrice> calculate(List<String> variantIds, PriceContext context) {
		if (variantIds.isEmpty()) {
			return Map.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("variants", variantIds.toArray(String[]::new))
			.addValue("currency", context.currencyCode().toLowerCase(Locale.ROOT))
			.addValue("region", context.regionId())
			.addValue("at", Timestamp.from(context.at()));
		Map<String, List<Candidate>> candidates = new HashMap<>();
		jdbc.query("""
				select p.id, p.variant_id, p.amount, p.region_id, p.price_list_id, pl.type
				from pricing.price p left join pricing.price_list pl on pl.id = p.price_list_id
				where p.variant_id = any(:variants) and p.currency_code = :currency and p.deleted_at is null
				  and (p.region_id is null or p.region_id = cast(:region as text))
				  and (p.min_quantity is null or p.min_quantity <= 1)
				  and (p.price_list_id is null or (pl.status = 'active' and pl.deleted_at is null
				       and (pl.starts_at is null or pl.starts_at <= :at) and (pl.ends_at is null or pl.ends_at > :at)))""",
				params, rs -> {
					candidates.computeIfAbsent(rs.getString("variant_id"), k -> new ArrayList<>())
						.add(new Candidate(rs.getString("id"), rs.getBigDecimal("amount"), rs.getString("region_id"),
								rs.getString("price_list_id"), rs.getString("type")));
				});
		Map<String, CalculatedPrice> prices = new HashMap<>();
		candidates.forEach((variant, list) -> choose(variant, list, context).ifPresent(p -> prices.put(variant, p)));
		return prices;
	}

	/**
	 * The calculated price of the variant whose id is {@code {id}} as SQL, for listings filtered or sorted by price in
	 * the database: the same rule as {@link #choose} (the region's own base price before the currency's, the lowest
	 * of each; an active sale lowers it, never raises it), null when the variant has no price in the currency.
	 */
	public SqlExpression listingPrice(PriceContext context) {
		Map<String, Object> params = new HashMap<>();
		params.put("pricing_currency", context.currencyCode().toLowerCase(Locale.ROOT));
		params.put("pricing_region", context.regionId() == null ? "" : context.regionId());
		params.put("pricing_at", Timestamp.from(context.at()));
		// One probe of price_listing_idx per variant (V115). least() skips nulls: no sale gives the base price, a
		// sale without a base price gives the sale price.
		return new SqlExpression("""
				select least(coalesce(min(pr.amount) filter (where pr.price_list_id is null and pr.region_id is not null),
				    min(pr.amount) filter (where pr.price_list_id is null)),
				  min(pr.amount) filter (where pr.price_list_id is not null and exists (select 1 from pricing.price_list pl
				    where pl.id = pr.price_list_id and pl.status = 'active' and pl.deleted_at is null
				    and (pl.starts_at is null or pl.starts_at <= :pricing_at) and (pl.ends_at is null or pl.ends_at > :pricing_at))))
				from pricing.price pr
				where pr.variant_id = {id} and pr.currency_code = :pricing_currency and pr.deleted_at is null
				  and (pr.region_id is null or pr.region_id = cast(:pricing_region as text))
				  and (pr.min_quantity is null or pr.min_quantity <= 1)""", params);
	}

	/** The rule itself, free of the database: regional before currency-wide, the lowest applicable sale wins. */
	public static Optional<CalculatedPrice> choose(String variantId, List<Candidate> candidates, PriceContext context) {
		Candidate base = null;
		Candidate sale = null;
		for (Candidate c : candidates) {
			if (c.priceListId() == null) {
				boolean better = base == null || (c.regionId() != null && base.regionId() == null)
						|| ((c.regionId() == null) == (base.regionId() == null) && c.amount().compareTo(base.amount()) < 0);
				if (better) {
					base = c;
				}
			}
			else if (sale == null || c.amount().compareTo(sale.amount()) < 0) {
				sale = c;
			}
		}
		if (base == null && sale == null) {
			return Optional.empty();
		}
		String currency = context.currencyCode();
		Candidate original = base != null ? base : sale;
		Candidate calculated = sale != null && (base == null || sale.amount().compareTo(base.amount()) < 0) ? sale : original;
		return Optional.of(new CalculatedPrice(variantId, Money.of(calculated.amount(), currency), calculated.priceId(),
				Money.of(original.amount(), currency), original.priceId(), calculated.priceListId(),
				calculated.priceListType(), context.taxInclusive()));
	}
}
