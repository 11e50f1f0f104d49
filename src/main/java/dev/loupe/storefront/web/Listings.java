package dev.loupe.storefront.web;

import dev.loupe.catalog.Facets;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductFilter;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.ProductKind;
import dev.loupe.inventory.StockLevels;
import dev.loupe.market.Region;
import dev.loupe.platform.Money;
import dev.loupe.platform.SqlExpression;
import dev.loupe.pricing.CalculatedPrice;
import dev.loupe.pricing.PriceCalculator;
import dev.loupe.pricing.PriceContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Turns products into cards priced for a region: two queries for a whole grid (prices, stock). */
@Component
class Listings {

	private final PriceCalculator prices;
	private final StockLevels stock;
	private final Clock clock;
	private final ProductQueries products;
	private final PageCache cache;

	Listings(PriceCalculator prices, StockLevels stock, Clock clock, ProductQueries products, PageCache cache) {
		this.prices = prices;
		this.stock = stock;
		this.clock = clock;
		this.products = products;
		this.cache = cache;
	}

	/**
	 * How many products a filter matches, shared by every page and sort of a listing and kept with the page cache's
	 * generation (ADR 017): a count scans every matching row.
	 */
	long count(ProductFilter filter) {
		return cache.counted(List.of("count", filter), () -> products.count(filter));
	}

	/**
	 * The facet counts of a filter, kept like {@link #count}: a category page's counts are those of the whole
	 * catalogue, four aggregations over every product, the same for every category.
	 */
	Facets facets(ProductFilter filter) {
		return cache.counted(List.of("facets", filter), () -> products.facets(filter));
	}

	Map<String, CalculatedPrice> prices(List<String> variantIds, Region region) {
		return prices.calculate(variantIds, context(region));
	}

	PriceContext context(Region region) {
		return new PriceContext(region.currencyCode(), region.id(), region.taxInclusive(), clock.instant());
	}

	/** The price a card shows (the cheapest variant's in the region), as SQL for filtering and sorting listings. */
	SqlExpression listingPrice(Region region) {
		return prices.listingPrice(context(region));
	}

	/** Whether a variant has stock, as SQL for the "in stock only" filter. */
	SqlExpression inStock() {
		return stock.inStock();
	}

	List<ProductCard> cards(List<Product> products, Region region) {
		List<String> variantIds = products.stream().flatMap(p -> p.variants().stream()).map(Product.Variant::id).toList();
		Map<String, CalculatedPrice> calculated = variantIds.isEmpty() ? Map.of() : prices(variantIds, region);
		List<String> managed = products.stream().flatMap(p -> p.variants().stream())
			.filter(v -> v.manageInventory() && !v.allowBackorder()).map(Product.Variant::id).toList();
		Map<String, Integer> available = managed.isEmpty() ? Map.of() : stock.available(managed);
		return products.stream().map(p -> card(p, calculated, available)).toList();
	}

	private static ProductCard card(Product p, Map<String, CalculatedPrice> calculated, Map<String, Integer> available) {
		List<CalculatedPrice> own = p.variants().stream().map(v -> calculated.get(v.id())).filter(Objects::nonNull).toList();
		CalculatedPrice lowest = own.stream().min(Comparator.comparing(CalculatedPrice::calculated)).orElse(null);
		boolean from = own.stream().map(CalculatedPrice::calculated).distinct().count() > 1;
		boolean soldOut = !p.variants().isEmpty() && p.variants().stream()
			.allMatch(v -> v.manageInventory() && !v.allowBackorder() && available.getOrDefault(v.id(), 0) <= 0);
		String badge = soldOut ? "Sold out"
				: lowest != null && lowest.isFromPriceList() && lowest.calculated().compareTo(lowest.original()) < 0 ? "Sale"
				: p.kind() == ProductKind.DIGITAL ? "Instant download" : null;
		String original = lowest != null && lowest.calculated().compareTo(lowest.original()) < 0
				? Formats.money(lowest.original()) : null;
		return new ProductCard(p.title(), p.subtitle(), "/products/" + p.handle(), p.thumbnail(),
				lowest == null ? null : Formats.money(lowest.calculated()), original, from, badge);
	}

	static String money(Money money) {
		return Formats.money(money);
	}
}
