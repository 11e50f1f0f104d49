package dev.loupe.adminapi.internal;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.VariantPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads prices as Medusa's Admin API writes them, {@code {currency_code, amount, rules?: {region_id}}}: amounts exact
 * and within the currency's decimals, a region price in the region's currency, variants and regions that exist.
 */
@Component
class AdminPrices {

	private final Markets markets;
	private final CatalogAdmin catalog;

	AdminPrices(Markets markets, CatalogAdmin catalog) {
		this.markets = markets;
		this.catalog = catalog;
	}

	/** The {@code prices} of a variant body. */
	List<PriceDraft> ofVariant(Input variant, String variantId) {
		List<Input> list = variant.objects("prices", 100);
		List<PriceDraft> drafts = new ArrayList<>();
		for (Input p : list == null ? List.<Input>of() : list) {
			p.allow(Set.of("currency_code", "amount", "rules", "id"));
			drafts.add(price(p, variantId));
		}
		return drafts;
	}

	/** Prices of a price list: each names its variant. */
	List<PriceDraft> ofPriceList(List<Input> prices) {
		List<PriceDraft> drafts = new ArrayList<>();
		for (Input p : prices == null ? List.<Input>of() : prices) {
			p.allow(Set.of("variant_id", "currency_code", "amount", "rules"));
			String variantId = p.requiredText("variant_id", 100);
			catalog.productOfVariant(variantId);
			drafts.add(price(p, variantId));
		}
		return drafts;
	}

	private PriceDraft price(Input p, String variantId) {
		String currency = p.requiredText("currency_code", 3);
		BigDecimal amount = p.nonNegative("amount");
		if (amount == null) {
			throw p.invalid("amount", "is required");
		}
		Money money = Money.of(amount, currency);
		if (amount.stripTrailingZeros().scale() > Money.scaleOf(Money.currency(currency))) {
			throw p.invalid("amount", "has more decimals than " + money.currencyCode() + " allows");
		}
		String regionId = null;
		Input rules = p.object("rules");
		if (rules != null) {
			rules.allow(Set.of("region_id"));
			regionId = rules.text("region_id", 100);
			if (regionId != null) {
				String id = regionId;
				Region region = markets.region(id).orElseThrow(() -> LoupeException.notFound("Region", id));
				if (!region.currencyCode().equalsIgnoreCase(currency)) {
					throw p.invalid("currency_code", "must be " + region.currencyCode().toUpperCase(Locale.ROOT)
							+ ", the currency of region " + region.name());
				}
			}
		}
		return new PriceDraft(variantId, money, regionId);
	}

	static Map<String, Object> json(VariantPrice p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("variant_id", p.variantId());
		m.put("currency_code", p.amount().currencyCodeLower());
		m.put("amount", p.amount().amount());
		m.put("rules", p.regionId() == null ? Map.of() : Map.of("region_id", p.regionId()));
		return m;
	}
}
