package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Category;
import dev.loupe.identity.Permission;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The category tree: listed with indentation and product counts, created, renamed, given a new handle or description,
 * moved under another parent (the catalogue refuses a move under itself or a descendant) and deleted. Deleting
 * detaches the category's products (they stay in the catalogue) and is refused while it has subcategories. Every
 * change goes through {@link CatalogAdmin}, which publishes {@code ProductsChanged} so the Store API's caches clear.
 */
@Controller
class CategoriesController {

	private final CatalogAdmin catalog;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	CategoriesController(CatalogAdmin catalog, AuditLog audit, TransactionTemplate tx) {
		this.catalog = catalog;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/categories")
	@Requires(Permission.CATALOG_READ)
	String list(HttpServletRequest request, HttpServletResponse response, Model model) {
		return listPage(Staff.of(request), Flash.take(request, response), Map.of(), model);
	}

	@PostMapping("/app/categories")
	@Requires(Permission.CATALOG_WRITE)
	String create(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		try {
			Map<String, Object> body = fields(params);
			String id = tx.execute(s -> {
				String created = catalog.createCategory(Input.of(body));
				Forms.record(audit, staff, request, "category.created", "product_category", created, Map.of("name",
						body.get("name")));
				return created;
			});
			Flash.put(request, response, Flash.success("Created the category " + body.get("name") + "."));
			return "redirect:/app/categories#" + id;
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return listPage(staff, new Flash("error", e.getMessage()), params, model);
		}
	}

	@GetMapping("/app/categories/{id}")
	@Requires(Permission.CATALOG_READ)
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Category category = catalog.category(Forms.checkedId(id, "Product category"));
		return editPage(Staff.of(request), category, Flash.take(request, response), null, model);
	}

	@PostMapping("/app/categories/{id}")
	@Requires(Permission.CATALOG_WRITE)
	String update(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Category category = catalog.category(Forms.checkedId(id, "Product category"));
		try {
			Map<String, Object> body = fields(params);
			if (!body.containsKey("handle")) {
				throw LoupeException.invalidData("Give the category a handle (lower-case words joined by hyphens).");
			}
			if (!body.containsKey("description")) {
				body.put("description", "");
			}
			tx.executeWithoutResult(s -> {
				catalog.updateCategory(category.id(), Input.of(body));
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("fields", List.copyOf(body.keySet()));
				details.put("parent", body.get("parent_category_id") == null ? "(top level)" : body.get("parent_category_id"));
				Forms.record(audit, staff, request, "category.updated", "product_category", category.id(), details);
			});
			Flash.put(request, response, Flash.success("Saved " + body.get("name") + "."));
			return "redirect:/app/categories/" + category.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, category, new Flash("error", e.getMessage()), params, model);
		}
	}

	@PostMapping("/app/categories/{id}/delete")
	@Requires(Permission.CATALOG_WRITE)
	String delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Category category = catalog.category(Forms.checkedId(id, "Product category"));
		try {
			long products = catalog.productCountsByCategory().getOrDefault(category.id(), 0L);
			tx.executeWithoutResult(s -> {
				catalog.deleteCategory(category.id());
				Forms.record(audit, staff, request, "category.deleted", "product_category", category.id(),
						Map.of("name", category.name(), "products_detached", products));
			});
			Flash.put(request, response, Flash.success("Deleted the category " + category.name()
					+ (products > 0 ? "; its " + products + " product(s) stay in the catalogue." : ".")));
			return "redirect:/app/categories";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, category, new Flash("error", e.getMessage()), null, model);
		}
	}

	/** The form's fields in the catalogue's names; empty handle means "from the name", empty parent the top level. */
	private static Map<String, Object> fields(Map<String, String> params) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", Forms.param(params, "name", 500));
		if (((String) body.get("name")).isEmpty()) {
			throw LoupeException.invalidData("Give the category a name.");
		}
		String handle = Forms.param(params, "handle", 200);
		if (!handle.isEmpty()) {
			body.put("handle", handle);
		}
		String description = Forms.param(params, "description", 5000);
		if (!description.isEmpty()) {
			body.put("description", description);
		}
		String parent = Forms.param(params, "parent_category_id", 100);
		body.put("parent_category_id", parent.isEmpty() ? null : parent);
		return body;
	}

	private String listPage(Staff staff, Flash flash, Map<String, String> form, Model model) {
		model.addAttribute("frame", new Frame(staff, "Categories", "categories", flash));
		model.addAttribute("rows", CategoryRow.tree(catalog.categories(), catalog.productCountsByCategory()));
		model.addAttribute("form", form);
		model.addAttribute("canWrite", staff.can(Permission.CATALOG_WRITE));
		return "app/categories";
	}

	private String editPage(Staff staff, Category category, Flash flash, Map<String, String> form, Model model) {
		List<CategoryRow> rows = CategoryRow.tree(catalog.categories(), catalog.productCountsByCategory());
		CategoryRow row = rows.stream().filter(r -> r.category().id().equals(category.id())).findFirst()
			.orElse(new CategoryRow(category, 0, 0, 0));
		// A category can move anywhere but under itself or its own descendants.
		List<CategoryRow> parents = rows.stream()
			.filter(r -> !r.category().id().equals(category.id())
					&& !r.category().mpath().startsWith(category.mpath() + "."))
			.toList();
		model.addAttribute("frame", new Frame(staff, category.name(), "categories", flash));
		model.addAttribute("row", row);
		model.addAttribute("parents", parents);
		model.addAttribute("form", form);
		model.addAttribute("canWrite", staff.can(Permission.CATALOG_WRITE));
		return "app/category";
	}
}
