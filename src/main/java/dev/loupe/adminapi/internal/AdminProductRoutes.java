package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.Product;
import dev.loupe.market.Markets;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.web.PublicUrl;
import dev.loupe.platform.web.QueryParameters;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.VariantPrice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products with their variants, options, prices and images: Medusa's {@code /admin/products} routes. Each write runs
 * in one transaction with its audit entry, so a refused part leaves nothing half-written.
 */
@RestController
class AdminProductRoutes {

	private final CatalogAdmin catalog;
	private final PriceSetup prices;
	private final AdminPrices adminPrices;
	private final Markets markets;
	private final AuditLog audit;
	private final AdminRequest requests;
	private final LoupeProperties properties;

	AdminProductRoutes(CatalogAdmin catalog, PriceSetup prices, AdminPrices adminPrices, Markets markets, AuditLog audit,
			AdminRequest requests, LoupeProperties properties) {
		this.catalog = catalog;
		this.prices = prices;
		this.adminPrices = adminPrices;
		this.markets = markets;
		this.audit = audit;
		this.requests = requests;
		this.properties = properties;
	}

	@GetMapping("/admin/products")
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(20);
		int offset = query.offset();
		String q = query.text("q");
		List<String> statuses = query.list("status");
		List<Product> products = catalog.products(q, statuses, limit, offset);
		Map<String, List<String>> channels = catalog.salesChannelsOf(products.stream().map(Product::id).toList());
		Map<String, List<VariantPrice>> stored = prices.basePrices(products.stream()
			.flatMap(p -> p.variants().stream())
			.map(Product.Variant::id)
			.toList());
		String base = baseUrl(http);
		List<Map<String, Object>> page = products.stream()
			.map(p -> AdminJson.product(p, channels.getOrDefault(p.id(), List.of()), stored, base))
			.toList();
		return AdminJson.list("products", page, catalog.countProducts(q, statuses), offset, limit);
	}

	@GetMapping("/admin/products/{id}")
	Map<String, Object> get(@PathVariable String id, HttpServletRequest http) {
		return Map.of("product", json(catalog.product(id), http));
	}

	@PostMapping("/admin/products")
	@Transactional
	Map<String, Object> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		List<Input> variants = body.objects("variants", 500);
		List<Input> variantsWithoutPrices = new ArrayList<>();
		for (Input v : variants == null ? List.<Input>of() : variants) {
			variantsWithoutPrices.add(v.without(Set.of("prices")));
		}
		validateSalesChannels(body);
		List<String> defaultChannels = markets.defaultSalesChannelId().map(List::of).orElse(List.of());
		ImportedProduct created = catalog.createProduct(
				variants == null ? body : body.with("variants", variantsWithoutPrices.stream().map(AdminProductRoutes::raw).toList()),
				defaultChannels);
		for (int i = 0; variants != null && i < variants.size(); i++) {
			if (variants.get(i).has("prices")) {
				prices.replaceBasePrices(created.variantIds().get(i), adminPrices.ofVariant(variants.get(i), created.variantIds().get(i)));
			}
		}
		audit.record(AdminRequest.actor(http), "product.created", "product", created.productId(),
				Map.of("handle", created.handle(), "variants", created.variantIds().size()));
		return Map.of("product", json(catalog.product(created.productId()), http));
	}

	@PostMapping("/admin/products/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http);
		validateSalesChannels(body);
		catalog.updateProduct(id, body);
		audit.record(AdminRequest.actor(http), "product.updated", "product", id, Map.of("fields", sorted(body)));
		return Map.of("product", json(catalog.product(id), http));
	}

	@DeleteMapping("/admin/products/{id}")
	@Transactional
	Map<String, Object> delete(@PathVariable String id, HttpServletRequest http) {
		catalog.deleteProduct(id);
		audit.record(AdminRequest.actor(http), "product.deleted", "product", id, null);
		return AdminJson.deleted(id, "product", null);
	}

	@PostMapping("/admin/products/{id}/variants")
	@Transactional
	Map<String, Object> createVariant(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http);
		String variantId = catalog.createVariant(id, body.without(Set.of("prices")));
		if (body.has("prices")) {
			prices.replaceBasePrices(variantId, adminPrices.ofVariant(body, variantId));
		}
		audit.record(AdminRequest.actor(http), "product_variant.created", "product_variant", variantId,
				Map.of("product_id", id));
		return Map.of("product", json(catalog.product(id), http));
	}

	@PostMapping("/admin/products/{id}/variants/{variantId}")
	@Transactional
	Map<String, Object> updateVariant(@PathVariable String id, @PathVariable String variantId,
			@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		catalog.updateVariant(id, variantId, body.without(Set.of("prices")));
		if (body.has("prices")) {
			prices.replaceBasePrices(variantId, adminPrices.ofVariant(body, variantId));
		}
		audit.record(AdminRequest.actor(http), "product_variant.updated", "product_variant", variantId,
				Map.of("product_id", id, "fields", sorted(body)));
		return Map.of("product", json(catalog.product(id), http));
	}

	@DeleteMapping("/admin/products/{id}/variants/{variantId}")
	@Transactional
	Map<String, Object> deleteVariant(@PathVariable String id, @PathVariable String variantId, HttpServletRequest http) {
		catalog.deleteVariant(id, variantId);
		prices.replaceBasePrices(variantId, List.of());
		audit.record(AdminRequest.actor(http), "product_variant.deleted", "product_variant", variantId,
				Map.of("product_id", id));
		return AdminJson.deleted(variantId, "variant", json(catalog.product(id), http));
	}

	@PostMapping("/admin/products/{id}/options")
	@Transactional
	Map<String, Object> createOption(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		String optionId = catalog.createOption(id, requests.body(raw, http));
		audit.record(AdminRequest.actor(http), "product_option.created", "product_option", optionId,
				Map.of("product_id", id));
		return Map.of("product", json(catalog.product(id), http));
	}

	@PostMapping("/admin/products/{id}/options/{optionId}")
	@Transactional
	Map<String, Object> updateOption(@PathVariable String id, @PathVariable String optionId,
			@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		catalog.updateOption(id, optionId, body);
		audit.record(AdminRequest.actor(http), "product_option.updated", "product_option", optionId,
				Map.of("product_id", id, "fields", sorted(body)));
		return Map.of("product", json(catalog.product(id), http));
	}

	@DeleteMapping("/admin/products/{id}/options/{optionId}")
	@Transactional
	Map<String, Object> deleteOption(@PathVariable String id, @PathVariable String optionId, HttpServletRequest http) {
		catalog.deleteOption(id, optionId);
		audit.record(AdminRequest.actor(http), "product_option.deleted", "product_option", optionId,
				Map.of("product_id", id));
		return AdminJson.deleted(optionId, "product_option", json(catalog.product(id), http));
	}

	private void validateSalesChannels(Input body) {
		List<String> channels = body.ids("sales_channels", 100);
		for (String channel : channels == null ? List.<String>of() : channels) {
			if (!markets.salesChannelExists(channel)) {
				throw LoupeException.notFound("Sales channel", channel);
			}
		}
	}

	private Map<String, Object> json(Product p, HttpServletRequest http) {
		List<String> variantIds = p.variants() == null ? List.of() : p.variants().stream().map(Product.Variant::id).toList();
		return AdminJson.product(p, catalog.salesChannelsOf(List.of(p.id())).getOrDefault(p.id(), List.of()),
				prices.basePrices(variantIds), baseUrl(http));
	}

	private String baseUrl(HttpServletRequest http) {
		return PublicUrl.base(http, properties.publicUrl());
	}

	private static List<String> sorted(Input body) {
		return body.names().stream().sorted().toList();
	}

	private static Object raw(Input input) {
		return input.values();
	}
}
