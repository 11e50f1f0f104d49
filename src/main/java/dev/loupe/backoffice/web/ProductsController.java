package dev.loupe.backoffice.web;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.identity.Permission;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue, read-only for now: products in every status, newest first, with a search and a status filter. */
@Controller
class ProductsController {

	static final int PAGE_SIZE = 25;
	static final int MAX_PAGE = 400;
	/** Counted no further: the list says "more than 10,000" (MAX_PAGE pages hold as many). */
	static final long COUNT_CAP = (long) PAGE_SIZE * MAX_PAGE;
	static final Set<String> STATUSES = Set.of("draft", "proposed", "published", "rejected");

	private final CatalogAdmin catalog;

	ProductsController(CatalogAdmin catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/app/products")
	@Requires(Permission.CATALOG_READ)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		String query = q.strip();
		if (query.length() > 200 || query.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search is too long.");
		}
		if (!status.isEmpty() && !STATUSES.contains(status)) {
			throw LoupeException.invalidData("Unknown status filter.");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; search to narrow the list.");
		}
		List<String> statuses = status.isEmpty() ? List.of() : List.of(status);
		// The list shows the variants' count only: no options, images, tags or categories to load.
		List<Product> products = catalog.products(query.isEmpty() ? null : query, statuses, PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE, java.util.EnumSet.of(dev.loupe.catalog.ProductRelations.VARIANTS));
		boolean more = products.size() > PAGE_SIZE;
		// A search is not counted: a substring count reads every product (the trigram index is not used under a
		// LIMIT, 150 ms on 10,000); the pager says whether more follow. Without a search the capped count is an
		// index-only scan.
		long total = query.isEmpty() ? catalog.countProducts(null, statuses, COUNT_CAP) : -1;
		String base = "/app/products?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&status=" + status
				+ "&page=";
		model.addAttribute("frame", new Frame(staff, "Products", "products", Flash.take(request, response)));
		model.addAttribute("products", more ? products.subList(0, PAGE_SIZE) : products);
		model.addAttribute("q", query);
		model.addAttribute("status", status);
		model.addAttribute("total", total);
		model.addAttribute("cap", COUNT_CAP);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, products.size())));
		return "app/products";
	}
}
