package dev.loupe.storeapi;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.market.MarketSetup;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test catalogue of its own, so that the tests do not depend on the demo store: two sales channels with a key each,
 * a published product, a draft and a product sold only in the second channel, priced in three currencies, with a
 * sale that starts tomorrow.
 */
record StoreApiFixture(String run, String key, String otherKey, String channel, ImportedProduct published,
		ImportedProduct draft, ImportedProduct otherChannelOnly, String saleStartsAt) {

	static StoreApiFixture create(MarketSetup markets, CatalogImport catalog, PriceSetup prices, Instant now) {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = markets.createSalesChannel("Test channel " + run, null);
		String otherChannel = markets.createSalesChannel("Other channel " + run, null);
		String key = markets.createPublishableKey("Test key " + run, List.of(channel)).token();
		String otherKey = markets.createPublishableKey("Other key " + run, List.of(otherChannel)).token();
		ImportedProduct published = catalog.importProducts(List.of(product("quokka-lamp-" + run, "Quokka Lamp " + run, true)),
				List.of(channel)).getFirst();
		ImportedProduct draft = catalog.importProducts(List.of(product("quokka-draft-" + run, "Quokka Draft " + run, false)),
				List.of(channel)).getFirst();
		ImportedProduct other = catalog.importProducts(List.of(product("quokka-other-" + run, "Quokka Other " + run, true)),
				List.of(otherChannel)).getFirst();
		for (ImportedProduct p : List.of(published, draft, other)) {
			for (String variant : p.variantIds()) {
				prices.addPrices(List.of(PriceDraft.of(variant, Money.of("40", "USD")), PriceDraft.of(variant, Money.of("38", "EUR")),
						PriceDraft.of(variant, Money.of("33", "GBP"))));
			}
		}
		Instant saleStart = now.plusSeconds(86_400);
		prices.createSale("Test sale " + run, null, saleStart, saleStart.plusSeconds(86_400),
				published.variantIds().stream().map(v -> PriceDraft.of(v, Money.of("30", "USD"))).toList());
		return new StoreApiFixture(run, key, otherKey, channel, published, draft, other, saleStart.toString());
	}

	private static ProductDraft product(String handle, String title, boolean published) {
		return new ProductDraft(handle, title, "A lamp shaped like a quokka", "Warm light for reading, zebrafish-safe.",
				ProductKind.STANDARD, published, null, List.of(), "Ceramic", "AU", BigDecimal.ONE, null, "Lamp",
				List.of("lamp", "test-" + handle), null, List.of(), List.of(new ProductDraft.Option("Colour", List.of("Red", "Blue"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle + "-R", null, Map.of("Colour", "Red"), true, false, null),
						new ProductDraft.Variant("Blue", "SKU-" + handle + "-B", null, Map.of("Colour", "Blue"), true, false, null)),
				Map.of());
	}
}
