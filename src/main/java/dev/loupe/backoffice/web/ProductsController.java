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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.util.MultiValueMap;
import org.springframework.transaction.support.TransactionTemplate;
import dev.loupe.audit.AuditLog;
import dev.loupe.platform.Input;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceSetup;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The catalogue: products in every status, newest first, with a search and a status filter, and bulk changes. */
@Controller
class ProductsController {

	static final int PAGE_SIZE = 25;
	static final int MAX_PAGE = 400;
	/** Counted no further: the list says "more than 10,000" (MAX_PAGE pages hold as many). */
	static final long COUNT_CAP = (long) PAGE_SIZE * MAX_PAGE;
	static final Set<String> STATUSES = Set.of("draft", "proposed", "published", "rejected");

	private final CatalogAdmin catalog;
	private final PriceSetup prices;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	ProductsController(CatalogAdmin catalog, PriceSetup prices, AuditLog audit, TransactionTemplate tx) {
		this.catalog = catalog;
		this.prices = prices;
		this.audit = audit;
		this.tx = tx;
	}

	/**
	 * A change to the products ticked on the list: publish, unpublish, adjust a currency's base prices of all their
	 * variants by a percentage, or set them to one amount. At most one page of products at a time; one audit entry
	 * per product.
	 */
	@PostMapping("/app/products/bulk")
	@Requires(Permission.CATALOG_WRITE)
	String bulk(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Map<String, String> single = params.toSingleValueMap();
		String back = "/app/products";
		{
			List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(params.getOrDefault("product", List.of())));
			if (ids.isEmpty()) {
				throw LoupeException.invalidData("Tick the products to change first.");
			}
			if (ids.size() > 100) {
				throw LoupeException.invalidData("Change at most 100 products at a time.");
			}
			ids.forEach(id -> Forms.checkedId(id, "Product"));
			String action = Forms.param(single, "action", 20);
			String currency = Forms.param(single, "currency", 3).toUpperCase(java.util.Locale.ROOT);
			String value = Forms.param(single, "value", 20).replace("%", "").strip();
			String message = tx.execute(s -> {
				List<Product> products = ids.stream().map(catalog::product).toList();
				List<String> variantIds = products.stream().flatMap(p -> p.variants().stream()).map(Product.Variant::id)
					.toList();
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("bulk", action);
				String done;
				switch (action) {
					case "publish", "unpublish" -> {
						String status = action.equals("publish") ? "published" : "draft";
						products.forEach(p -> catalog.updateProduct(p.id(), Input.of(Map.of("status", status))));
						details.put("fields", List.of("status"));
						done = (action.equals("publish") ? "Published " : "Unpublished ") + products.size() + " products.";
					}
					case "adjust" -> {
						requireCurrency(currency);
						if (!value.matches("[+-]?[0-9]{1,4}(\\.[0-9]{1,2})?")) {
							throw LoupeException.invalidData("Enter the adjustment as a percentage such as 10 or -15.");
						}
						int changed = prices.adjustBasePrices(variantIds, currency, new BigDecimal(value));
						details.put("prices", currency + " " + (value.startsWith("-") ? "" : "+") + value + "%");
						done = "Adjusted " + changed + " " + currency + " prices by " + value + "%.";
					}
					case "set" -> {
						requireCurrency(currency);
						Money amount = OrderController.amount(value, currency);
						prices.setBasePrice(variantIds, amount);
						details.put("prices", currency + " " + Format.plain(amount));
						done = "Set the " + currency + " price of " + variantIds.size() + " variants to "
								+ Format.plain(amount) + ".";
					}
					default -> throw LoupeException.invalidData("Choose what to change.");
				}
				for (Product p : products) {
					Forms.record(audit, staff, request, "product.updated", "product", p.id(), details);
				}
				return done;
			});
			Flash.put(request, response, Flash.success(message));
		}
		return "redirect:" + back;
	}

	private static void requireCurrency(String currency) {
		if (!ProductEditController.CURRENCIES.contains(currency)) {
			throw LoupeException.invalidData("Choose one of " + String.join(", ", ProductEditController.CURRENCIES) + ".");
		}
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
		model.addAttribute("currencies", ProductEditController.CURRENCIES);
		model.addAttribute("status", status);
		model.addAttribute("total", total);
		model.addAttribute("cap", COUNT_CAP);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, products.size())));
		return "app/products";
	}
}
