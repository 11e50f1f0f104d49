package dev.loupe.storeapi.internal;

import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductFilter;
import dev.loupe.catalog.ProductOrder;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.inventory.StockLevels;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.web.PublicUrl;
import dev.loupe.pricing.CalculatedPrice;
import dev.loupe.pricing.PriceCalculator;
import dev.loupe.pricing.PriceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /store/products} and {@code GET /store/products/{id}}, with prices for a region or currency. */
@RestController
class ProductRoutes {

	private final ProductQueries products;
	private final PriceCalculator prices;
	private final StockLevels stock;
	private final Markets markets;
	private final ResponseCache cache;
	private final LoupeProperties properties;
	private final Clock clock;

	ProductRoutes(ProductQueries products, PriceCalculator prices, StockLevels stock, Markets markets,
			ResponseCache cache, LoupeProperties properties, Clock clock) {
		this.products = products;
		this.prices = prices;
		this.stock = stock;
		this.markets = markets;
		this.cache = cache;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/store/products")
	void list(HttpServletRequest http, HttpServletResponse response) throws IOException {
		StoreRequest request = new StoreRequest(http);
		int limit = request.limit(50);
		int offset = request.offset();
		String orderText = request.text("order");
		ProductOrder order = orderText == null ? ProductOrder.CREATED_AT_DESC : ProductOrder.parse(orderText)
			.orElseThrow(() -> LoupeException.invalidData("Invalid request: 'order' cannot be '" + sanitize(orderText)
					+ "'; use created_at, updated_at, title or handle, with a leading - for descending"));
		String q = request.text("q");
		if (q != null && q.length() > 200) {
			throw LoupeException.invalidData("Invalid request: 'q' must be at most 200 characters");
		}
		ProductFilter filter = new ProductFilter(request.salesChannels(), ids(request.list("id"), "id"),
				request.text("handle"), q, ids(request.list("category_id"), "category_id"),
				ids(request.list("collection_id"), "collection_id"), ids(request.list("tag_id"), "tag_id"),
				ids(request.list("type_id"), "type_id"));
		Pricing pricing = pricing(request);
		ProductFields fields = ProductFields.parse(request.text("fields"), pricing != null);
		String base = baseUrl(http);
		// The computation uses nothing of the request, so the cache can run it again later to refresh the entry.
		write(response, cache.get(cacheKey(http, request), () -> {
			List<Product> page = products.page(filter, order, limit, offset, fields.relations());
			long count = cache.count(filter.toString(), () -> products.count(filter));
			List<Map<String, Object>> items = render(page, fields, pricing, base);
			return StoreJson.bytes(StoreJson.list("products", items, count, offset, limit));
		}));
	}

	@GetMapping("/store/products/{id}")
	void retrieve(@PathVariable String id, HttpServletRequest http, HttpServletResponse response) throws IOException {
		StoreRequest request = new StoreRequest(http);
		Pricing pricing = pricing(request);
		ProductFields fields = ProductFields.parse(request.text("fields"), pricing != null);
		List<String> channels = request.salesChannels();
		String base = baseUrl(http);
		write(response, cache.get(cacheKey(http, request), () -> {
			Product product = (Ids.isWellFormed(id) ? products.find(id, channels, fields.relations())
					: java.util.Optional.<Product>empty())
				.orElseThrow(() -> LoupeException.notFound("Product", sanitize(id)));
			return StoreJson.bytes(Map.of("product", render(List.of(product), fields, pricing, base).getFirst()));
		}));
	}

	/** Prices for a region or a currency; the moment is taken when the response is computed (sales start on time). */
	private record Pricing(String currencyCode, String regionId, boolean taxInclusive) {

		PriceContext at(java.time.Instant now) {
			return new PriceContext(currencyCode, regionId, taxInclusive, now);
		}
	}

	private List<Map<String, Object>> render(List<Product> page, ProductFields fields, Pricing pricing, String base) {
		List<String> variantIds = page.stream()
			.filter(p -> p.variants() != null)
			.flatMap(p -> p.variants().stream())
			.map(Product.Variant::id)
			.toList();
		Map<String, CalculatedPrice> calculated = fields.calculatedPrice() && pricing != null
				? prices.calculate(variantIds, pricing.at(clock.instant())) : Map.of();
		Map<String, Integer> levels = fields.inventoryQuantity() ? stock.available(variantIds) : Map.of();
		return page.stream().map(p -> StoreJson.product(p, fields, calculated, levels, base)).toList();
	}

	private Pricing pricing(StoreRequest request) {
		String regionId = request.text("region_id");
		String currency = request.text("currency_code");
		String country = request.text("country_code");
		if (regionId != null) {
			Region region = (Ids.isWellFormed(regionId) ? markets.region(regionId) : java.util.Optional.<Region>empty())
				.orElseThrow(() -> LoupeException.invalidData("Invalid request: region_id '" + sanitize(regionId)
						+ "' is not a region of this store"));
			return new Pricing(region.currencyCode(), region.id(), region.taxInclusive());
		}
		if (country != null) {
			Region region = markets.regions().stream()
				.filter(r -> r.countries().stream().anyMatch(c -> c.iso2().equalsIgnoreCase(country)))
				.findFirst()
				.orElseThrow(() -> LoupeException.invalidData("Invalid request: country_code '" + sanitize(country)
						+ "' is not in any region of this store"));
			return new Pricing(region.currencyCode(), region.id(), region.taxInclusive());
		}
		if (currency != null) {
			try {
				Currency.getInstance(currency.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw LoupeException.invalidData("Invalid request: currency_code '" + sanitize(currency)
						+ "' is not an ISO 4217 currency");
			}
			return new Pricing(currency.toLowerCase(Locale.ROOT), null, false);
		}
		return null;
	}

	private static List<String> ids(List<String> values, String parameter) {
		for (String value : values) {
			if (value.length() > 100) {
				throw LoupeException.invalidData("Invalid request: '" + parameter + "' holds a value longer than 100 characters");
			}
		}
		return values;
	}

	private String cacheKey(HttpServletRequest http, StoreRequest request) {
		return ResponseCache.key(http, properties.publicUrl(), request.salesChannels());
	}

	private String baseUrl(HttpServletRequest http) {
		return PublicUrl.base(http, properties.publicUrl());
	}

	static String sanitize(String value) {
		String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return shown.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}

	/** Writes a serialized response as it is, past the message converters (which parse the content type every time). */
	static void write(HttpServletResponse response, byte[] body) throws IOException {
		response.setStatus(200);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static ResponseEntity<byte[]> json(byte[] body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
