package dev.loupe.storeapi.internal;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Collections, categories, tags and types of the Store API. */
@RestController
class CatalogRoutes {

	private final ProductQueries catalog;

	CatalogRoutes(ProductQueries catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/store/product-options")
	ResponseEntity<byte[]> options(HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		int limit = request.limit(50);
		int offset = request.offset();
		List<String> ids = request.list("id");
		List<String> titles = request.list("title");
		List<String> productIds = request.list("product_id");
		String q = request.text("q");
		List<Map<String, Object>> page = catalog.options(request.salesChannels(), ids, titles, productIds, q, limit, offset)
			.stream().map(StoreJson::productOption).toList();
		return ProductRoutes.json(StoreJson.bytes(StoreJson.list("product_options", page,
				catalog.countOptions(request.salesChannels(), ids, titles, productIds, q), offset, limit)));
	}

	@GetMapping("/store/product-options/{id}")
	ResponseEntity<byte[]> option(@PathVariable String id, HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		var found = Ids.isWellFormed(id)
				? catalog.options(request.salesChannels(), List.of(id), List.of(), List.of(), null, 1, 0)
				: List.<dev.loupe.catalog.Product.Option>of();
		if (found.isEmpty()) {
			throw LoupeException.notFound("Product option", ProductRoutes.sanitize(id));
		}
		return ProductRoutes.json(StoreJson.bytes(Map.of("product_option", StoreJson.productOption(found.getFirst()))));
	}

	@GetMapping("/store/collections")
	ResponseEntity<byte[]> collections(HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		List<String> ids = request.list("id");
		String handle = request.text("handle");
		String title = request.text("title");
		String q = request.text("q");
		Stream<Collection> matching = catalog.collections().stream()
			.filter(c -> ids.isEmpty() || ids.contains(c.id()))
			.filter(c -> handle == null || c.handle().equals(handle))
			.filter(c -> title == null || c.title().equals(title))
			.filter(c -> q == null || contains(c.title(), q) || contains(c.handle(), q));
		return page(request, "collections", matching, Map.of("title", Comparator.comparing(Collection::title),
				"handle", Comparator.comparing(Collection::handle), "created_at", Comparator.comparing(Collection::createdAt)),
				"title", StoreJson::collection);
	}

	@GetMapping("/store/collections/{id}")
	ResponseEntity<byte[]> collection(@PathVariable String id) {
		Collection c = (Ids.isWellFormed(id) ? catalog.collection(id) : Optional.<Collection>empty())
			.orElseThrow(() -> LoupeException.notFound("Collection", ProductRoutes.sanitize(id)));
		return ProductRoutes.json(StoreJson.bytes(Map.of("collection", StoreJson.collection(c))));
	}

	@GetMapping("/store/product-categories")
	ResponseEntity<byte[]> categories(HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		List<String> ids = request.list("id");
		String handle = request.text("handle");
		String q = request.text("q");
		List<String> parents = request.list("parent_category_id");
		boolean tree = request.flag("include_descendants_tree");
		List<Category> all = catalog.categories();
		Stream<Category> matching = all.stream()
			.filter(c -> ids.isEmpty() || ids.contains(c.id()))
			.filter(c -> handle == null || c.handle().equals(handle))
			.filter(c -> q == null || contains(c.name(), q) || contains(c.handle(), q))
			.filter(c -> parents.isEmpty() || parents.contains(String.valueOf(c.parentCategoryId())))
			.map(c -> tree ? catalog.withDescendants(c) : c.withChildren(children(all, c)));
		return page(request, "product_categories", matching, Map.of("rank", Comparator.comparingInt(Category::rank),
				"name", Comparator.comparing(Category::name), "handle", Comparator.comparing(Category::handle),
				"created_at", Comparator.comparing(Category::createdAt)), "rank", c -> StoreJson.category(c, true));
	}

	@GetMapping("/store/product-categories/{id}")
	ResponseEntity<byte[]> category(@PathVariable String id, HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		boolean tree = request.flag("include_descendants_tree");
		List<Category> all = catalog.categories();
		Category c = all.stream().filter(x -> x.id().equals(id)).findFirst()
			.orElseThrow(() -> LoupeException.notFound("Product category", ProductRoutes.sanitize(id)));
		Category shown = tree ? catalog.withDescendants(c) : c.withChildren(children(all, c));
		return ProductRoutes.json(StoreJson.bytes(Map.of("product_category", StoreJson.category(shown, true))));
	}

	@GetMapping("/store/product-tags")
	ResponseEntity<byte[]> tags(HttpServletRequest http) {
		return values(new StoreRequest(http), "product_tags",
				catalog.tags().stream().map(t -> new Named(t.id(), t.value(), t.createdAt(), t.updatedAt())));
	}

	@GetMapping("/store/product-types")
	ResponseEntity<byte[]> types(HttpServletRequest http) {
		return values(new StoreRequest(http), "product_types",
				catalog.types().stream().map(t -> new Named(t.id(), t.value(), t.createdAt(), t.updatedAt())));
	}

	/** Tags and types have the same shape and the same filters. */
	private record Named(String id, String value, Instant createdAt, Instant updatedAt) {
	}

	private ResponseEntity<byte[]> values(StoreRequest request, String name, Stream<Named> all) {
		List<String> ids = request.list("id");
		String value = request.text("value");
		String q = request.text("q");
		Stream<Named> matching = all.filter(t -> ids.isEmpty() || ids.contains(t.id()))
			.filter(t -> value == null || t.value().equals(value))
			.filter(t -> q == null || contains(t.value(), q));
		return page(request, name, matching, Map.of("value", Comparator.comparing(Named::value), "created_at",
				Comparator.comparing(Named::createdAt)), "value",
				t -> StoreJson.named(t.id(), t.value(), t.createdAt(), t.updatedAt()));
	}

	private <T> ResponseEntity<byte[]> page(StoreRequest request, String name, Stream<T> matching,
			Map<String, Comparator<T>> orders, String defaultOrder, Function<T, Map<String, Object>> json) {
		int limit = request.limit(50);
		int offset = request.offset();
		String order = request.text("order");
		String field = order == null ? defaultOrder : order.startsWith("-") ? order.substring(1) : order;
		Comparator<T> comparator = orders.get(field);
		if (comparator == null) {
			throw LoupeException.invalidData("Invalid request: 'order' cannot be '" + ProductRoutes.sanitize(order)
					+ "'; use one of " + String.join(", ", orders.keySet().stream().sorted().toList()));
		}
		List<T> all = matching.sorted(order != null && order.startsWith("-") ? comparator.reversed() : comparator).toList();
		List<Map<String, Object>> page = all.stream().skip(offset).limit(limit).map(json).toList();
		return ProductRoutes.json(StoreJson.bytes(StoreJson.list(name, page, all.size(), offset, limit)));
	}

	private static List<Category> children(List<Category> all, Category parent) {
		return all.stream().filter(c -> parent.id().equals(c.parentCategoryId())).toList();
	}

	private static boolean contains(String text, String q) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
	}
}
