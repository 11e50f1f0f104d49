package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Category;
import dev.loupe.catalog.Product;
import dev.loupe.platform.Input;
import dev.loupe.platform.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Collections, categories, product types and tags: Medusa's admin routes for them. */
@RestController
class AdminCatalogRoutes {

	private final CatalogAdmin catalog;
	private final AuditLog audit;
	private final AdminRequest requests;

	AdminCatalogRoutes(CatalogAdmin catalog, AuditLog audit, AdminRequest requests) {
		this.catalog = catalog;
		this.audit = audit;
		this.requests = requests;
	}

	// ---------------------------------------------------------------- collections

	@GetMapping("/admin/collections")
	Map<String, Object> collections(HttpServletRequest http) {
		return page(http, "collections", catalog.collections(), c -> c.title() + " " + c.handle(), AdminJson::collection);
	}

	@GetMapping("/admin/collections/{id}")
	Map<String, Object> collection(@PathVariable String id) {
		return Map.of("collection", AdminJson.collection(catalog.collection(id)));
	}

	@PostMapping("/admin/collections")
	@Transactional
	Map<String, Object> createCollection(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		String id = catalog.createCollection(requests.body(raw, http));
		audit.record(AdminRequest.actor(http), "product_collection.created", "product_collection", id, null);
		return Map.of("collection", AdminJson.collection(catalog.collection(id)));
	}

	@PostMapping("/admin/collections/{id}")
	@Transactional
	Map<String, Object> updateCollection(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http);
		catalog.updateCollection(id, body);
		audit.record(AdminRequest.actor(http), "product_collection.updated", "product_collection", id,
				Map.of("fields", body.names().stream().sorted().toList()));
		return Map.of("collection", AdminJson.collection(catalog.collection(id)));
	}

	@DeleteMapping("/admin/collections/{id}")
	@Transactional
	Map<String, Object> deleteCollection(@PathVariable String id, HttpServletRequest http) {
		catalog.deleteCollection(id);
		audit.record(AdminRequest.actor(http), "product_collection.deleted", "product_collection", id, null);
		return AdminJson.deleted(id, "collection", null);
	}

	// ---------------------------------------------------------------- categories

	@GetMapping("/admin/product-categories")
	Map<String, Object> categories(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		String parent = query.text("parent_category_id");
		List<Category> all = catalog.categories().stream()
			.filter(c -> parent == null || (parent.equals("null") ? c.parentCategoryId() == null
					: parent.equals(c.parentCategoryId())))
			.toList();
		return page(http, "product_categories", all, c -> c.name() + " " + c.handle(), AdminJson::category);
	}

	@GetMapping("/admin/product-categories/{id}")
	Map<String, Object> category(@PathVariable String id) {
		return Map.of("product_category", AdminJson.category(catalog.category(id)));
	}

	@PostMapping("/admin/product-categories")
	@Transactional
	Map<String, Object> createCategory(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		String id = catalog.createCategory(requests.body(raw, http));
		audit.record(AdminRequest.actor(http), "product_category.created", "product_category", id, null);
		return Map.of("product_category", AdminJson.category(catalog.category(id)));
	}

	@PostMapping("/admin/product-categories/{id}")
	@Transactional
	Map<String, Object> updateCategory(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http);
		catalog.updateCategory(id, body);
		audit.record(AdminRequest.actor(http), "product_category.updated", "product_category", id,
				Map.of("fields", body.names().stream().sorted().toList()));
		return Map.of("product_category", AdminJson.category(catalog.category(id)));
	}

	@DeleteMapping("/admin/product-categories/{id}")
	@Transactional
	Map<String, Object> deleteCategory(@PathVariable String id, HttpServletRequest http) {
		catalog.deleteCategory(id);
		audit.record(AdminRequest.actor(http), "product_category.deleted", "product_category", id, null);
		return AdminJson.deleted(id, "product_category", null);
	}

	// ---------------------------------------------------------------- types and tags

	@GetMapping("/admin/product-types")
	Map<String, Object> types(HttpServletRequest http) {
		return page(http, "product_types", catalog.types(), Product.Type::value,
				t -> Map.of("id", t.id(), "value", t.value(), "created_at", t.createdAt().toString()));
	}

	@PostMapping("/admin/product-types")
	@Transactional
	Map<String, Object> createType(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Product.Type type = catalog.createType(requests.body(raw, http));
		audit.record(AdminRequest.actor(http), "product_type.created", "product_type", type.id(), null);
		return Map.of("product_type", Map.of("id", type.id(), "value", type.value(), "created_at",
				type.createdAt().toString()));
	}

	@GetMapping("/admin/product-tags")
	Map<String, Object> tags(HttpServletRequest http) {
		return page(http, "product_tags", catalog.tags(), Product.Tag::value,
				t -> Map.of("id", t.id(), "value", t.value(), "created_at", t.createdAt().toString()));
	}

	@PostMapping("/admin/product-tags")
	@Transactional
	Map<String, Object> createTag(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Product.Tag tag = catalog.createTag(requests.body(raw, http));
		audit.record(AdminRequest.actor(http), "product_tag.created", "product_tag", tag.id(), null);
		return Map.of("product_tag", Map.of("id", tag.id(), "value", tag.value(), "created_at", tag.createdAt().toString()));
	}

	/** A page of a small list (hundreds of rows at most), optionally filtered by {@code q} on its text. */
	private static <T> Map<String, Object> page(HttpServletRequest http, String name, List<T> all,
			Function<T, String> text, Function<T, Map<String, Object>> json) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(50);
		int offset = query.offset();
		String q = query.text("q");
		Predicate<T> matches = q == null ? t -> true
				: t -> text.apply(t).toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
		List<T> matching = all.stream().filter(matches).toList();
		List<Map<String, Object>> items = matching.stream().skip(offset).limit(limit).map(json).toList();
		return AdminJson.list(name, items, matching.size(), offset, limit);
	}
}
