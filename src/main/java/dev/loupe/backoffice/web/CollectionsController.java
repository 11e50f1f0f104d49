package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Collection;
import dev.loupe.identity.Permission;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Collections: listed with product counts, created, renamed or given a new handle, and deleted — which detaches their
 * products (they stay in the catalogue). Changes go through {@link CatalogAdmin}, which publishes
 * {@code ProductsChanged} so the Store API's caches clear.
 */
@Controller
class CollectionsController {

	private final CatalogAdmin catalog;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	CollectionsController(CatalogAdmin catalog, AuditLog audit, TransactionTemplate tx) {
		this.catalog = catalog;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/collections")
	@Requires(Permission.CATALOG_READ)
	String list(HttpServletRequest request, HttpServletResponse response, Model model) {
		return listPage(Staff.of(request), Flash.take(request, response), Map.of(), model);
	}

	@PostMapping("/app/collections")
	@Requires(Permission.CATALOG_WRITE)
	String create(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		try {
			Map<String, Object> body = fields(params);
			tx.executeWithoutResult(s -> {
				String id = catalog.createCollection(Input.of(body));
				Forms.record(audit, staff, request, "collection.created", "product_collection", id,
						Map.of("title", body.get("title")));
			});
			Flash.put(request, response, Flash.success("Created the collection " + body.get("title") + "."));
			return "redirect:/app/collections";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return listPage(staff, new Flash("error", e.getMessage()), params, model);
		}
	}

	@GetMapping("/app/collections/{id}")
	@Requires(Permission.CATALOG_READ)
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Collection collection = catalog.collection(Forms.checkedId(id, "Product collection"));
		return editPage(Staff.of(request), collection, Flash.take(request, response), null, model);
	}

	@PostMapping("/app/collections/{id}")
	@Requires(Permission.CATALOG_WRITE)
	String update(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Collection collection = catalog.collection(Forms.checkedId(id, "Product collection"));
		try {
			Map<String, Object> body = fields(params);
			if (!body.containsKey("handle")) {
				throw LoupeException.invalidData("Give the collection a handle (lower-case words joined by hyphens).");
			}
			tx.executeWithoutResult(s -> {
				catalog.updateCollection(collection.id(), Input.of(body));
				Forms.record(audit, staff, request, "collection.updated", "product_collection", collection.id(),
						Map.of("fields", List.copyOf(body.keySet())));
			});
			Flash.put(request, response, Flash.success("Saved " + body.get("title") + "."));
			return "redirect:/app/collections/" + collection.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, collection, new Flash("error", e.getMessage()), params, model);
		}
	}

	@PostMapping("/app/collections/{id}/delete")
	@Requires(Permission.CATALOG_WRITE)
	String delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Collection collection = catalog.collection(Forms.checkedId(id, "Product collection"));
		long products = catalog.productCountsByCollection().getOrDefault(collection.id(), 0L);
		tx.executeWithoutResult(s -> {
			catalog.deleteCollection(collection.id());
			Forms.record(audit, staff, request, "collection.deleted", "product_collection", collection.id(),
					Map.of("title", collection.title(), "products_detached", products));
		});
		Flash.put(request, response, Flash.success("Deleted the collection " + collection.title()
				+ (products > 0 ? "; its " + products + " product(s) stay in the catalogue." : ".")));
		return "redirect:/app/collections";
	}

	private static Map<String, Object> fields(Map<String, String> params) {
		Map<String, Object> body = new LinkedHashMap<>();
		String title = Forms.param(params, "title", 500);
		if (title.isEmpty()) {
			throw LoupeException.invalidData("Give the collection a title.");
		}
		body.put("title", title);
		String handle = Forms.param(params, "handle", 200);
		if (!handle.isEmpty()) {
			body.put("handle", handle);
		}
		return body;
	}

	private String listPage(Staff staff, Flash flash, Map<String, String> form, Model model) {
		Map<String, Long> counts = catalog.productCountsByCollection();
		List<CollectionRow> rows = catalog.collections().stream()
			.sorted(Comparator.comparing(Collection::title, String.CASE_INSENSITIVE_ORDER))
			.map(c -> new CollectionRow(c, counts.getOrDefault(c.id(), 0L)))
			.toList();
		model.addAttribute("frame", new Frame(staff, "Collections", "collections", flash));
		model.addAttribute("rows", rows);
		model.addAttribute("form", form);
		model.addAttribute("canWrite", staff.can(Permission.CATALOG_WRITE));
		return "app/collections";
	}

	private String editPage(Staff staff, Collection collection, Flash flash, Map<String, String> form, Model model) {
		model.addAttribute("frame", new Frame(staff, collection.title(), "collections", flash));
		model.addAttribute("row", new CollectionRow(collection,
				catalog.productCountsByCollection().getOrDefault(collection.id(), 0L)));
		model.addAttribute("form", form);
		model.addAttribute("canWrite", staff.can(Permission.CATALOG_WRITE));
		return "app/collection";
	}
}
