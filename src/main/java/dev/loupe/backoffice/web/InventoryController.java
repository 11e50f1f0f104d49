package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.backoffice.BackOfficeProperties;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Stock per variant and location, searched by product title, handle or SKU, and each variant's movement ledger. Staff
 * who receive goods (warehouse; admin) adjust stock with a reason; the change is refused below what is reserved.
 */
@Controller
class InventoryController {

	static final int PAGE_SIZE = 20;
	static final int MAX_PAGE = 400;
	static final int LEDGER_SIZE = 50;
	static final int MAX_QUANTITY = 1_000_000;

	private final CatalogAdmin catalog;
	private final StockLevels levels;
	private final StockSetup setup;
	private final AuditLog audit;
	private final BackOfficeProperties properties;
	private final TransactionTemplate tx;

	InventoryController(CatalogAdmin catalog, StockLevels levels, StockSetup setup, AuditLog audit,
			BackOfficeProperties properties, TransactionTemplate tx) {
		this.catalog = catalog;
		this.levels = levels;
		this.setup = setup;
		this.audit = audit;
		this.properties = properties;
		this.tx = tx;
	}

	@GetMapping("/app/inventory")
	@Requires(Permission.CATALOG_READ)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		String query = q.strip();
		if (query.length() > 200 || query.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search is too long.");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; search to narrow the list.");
		}
		String search = query.isEmpty() ? null : query;
		List<Product> products = catalog.products(search, List.of(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = products.size() > PAGE_SIZE;
		List<Product> shown = more ? products.subList(0, PAGE_SIZE) : products;
		long total = catalog.countProducts(search, List.of());
		String base = "/app/inventory?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=";
		model.addAttribute("frame", new Frame(staff, "Inventory", "inventory", Flash.take(request, response)));
		model.addAttribute("rows", rows(shown));
		model.addAttribute("q", query);
		model.addAttribute("total", total);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + shown.size()));
		return "app/inventory";
	}

	@GetMapping("/app/inventory/{variantId}")
	@Requires(Permission.CATALOG_READ)
	String variant(@PathVariable String variantId, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		Product product = productOf(variantId);
		Product.Variant variant = product.variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
			.orElseThrow(() -> LoupeException.notFound("Variant", shown(variantId)));
		model.addAttribute("frame", new Frame(staff, "Stock of " + product.title(), "inventory",
				Flash.take(request, response)));
		model.addAttribute("product", product);
		model.addAttribute("variant", variant);
		model.addAttribute("levels", levels.levels(List.of(variantId)));
		model.addAttribute("locations", setup.locations());
		model.addAttribute("movements", levels.movements(variantId, LEDGER_SIZE, 0));
		model.addAttribute("canAdjust", staff.can(Permission.ORDERS_FULFILL));
		model.addAttribute("threshold", properties.lowStockThreshold());
		return "app/inventory-variant";
	}

	/**
	 * Sets the stocked quantity ({@code mode=set}) or adds or removes units ({@code mode=add}, signed) at a location,
	 * with a reason. Refusals (below reserved, bad input) come back as a message on the variant's page.
	 */
	@PostMapping("/app/inventory/{variantId}/adjust")
	@Requires(Permission.ORDERS_FULFILL)
	String adjust(@PathVariable String variantId, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		productOf(variantId);
		try {
			String location = form.getOrDefault("location_id", "").strip();
			if (!location.matches("[A-Za-z0-9_]{1,100}")
					|| setup.locations().stream().map(StockLocation::id).noneMatch(location::equals)) {
				throw LoupeException.invalidData("Choose a stock location from the list.");
			}
			String mode = form.getOrDefault("mode", "");
			if (!mode.equals("set") && !mode.equals("add")) {
				throw LoupeException.invalidData("Choose whether to set the quantity or add and remove units.");
			}
			String quantity = form.getOrDefault("quantity", "").strip();
			if (!quantity.matches(mode.equals("set") ? "[0-9]{1,7}" : "[+-]?[0-9]{1,7}")
					|| Math.abs(Long.parseLong(quantity)) > MAX_QUANTITY) {
				throw LoupeException.invalidData(mode.equals("set")
						? "Enter the quantity on the shelf as a whole number from 0 to " + MAX_QUANTITY + "."
						: "Enter the units to add (or remove, with a minus) as a whole number up to " + MAX_QUANTITY + ".");
			}
			String reason = form.getOrDefault("reason", "").strip();
			if (reason.isEmpty() || reason.length() > 200 || reason.chars().anyMatch(c -> c < 0x20)) {
				throw LoupeException.invalidData("Give a reason of at most 200 characters (a count, damage, a delivery).");
			}
			int value = Integer.parseInt(quantity);
			int now = tx.execute(s -> {
				int before = levels.levels(List.of(variantId)).stream().filter(l -> l.locationId().equals(location))
					.mapToInt(StockLevels.Level::stocked).findFirst().orElse(0);
				int delta = mode.equals("set") ? value - before : value;
				if (delta == 0) {
					return before;
				}
				int after = setup.adjust(variantId, location, delta, reason, staff.actor());
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("location_id", location);
				details.put("from_quantity", before);
				details.put("to_quantity", after);
				details.put("reason", reason);
				details.put("from", request.getRemoteAddr());
				audit.record(Actor.staff(staff.user().id()), "inventory.adjusted", "variant", variantId, details);
				return after;
			});
			Flash.put(request, response, Flash.success("Stock is now " + now + "."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/inventory/" + variantId;
	}

	private List<InventoryRow> rows(List<Product> products) {
		List<String> ids = products.stream().flatMap(p -> variants(p).stream()).map(Product.Variant::id).toList();
		Map<String, List<StockLevels.Level>> byVariant = new LinkedHashMap<>();
		for (StockLevels.Level l : levels.levels(ids)) {
			byVariant.computeIfAbsent(l.variantId(), k -> new ArrayList<>()).add(l);
		}
		List<InventoryRow> rows = new ArrayList<>();
		for (Product p : products) {
			for (Product.Variant v : variants(p)) {
				String sku = v.sku() == null ? "" : v.sku();
				List<StockLevels.Level> at = byVariant.getOrDefault(v.id(), List.of());
				if (at.isEmpty()) {
					rows.add(new InventoryRow(p.id(), p.title(), v.id(), v.title(), sku, "—", 0, 0, 0, v.manageInventory()));
				}
				for (StockLevels.Level l : at) {
					int threshold = l.lowStockThreshold() == null ? properties.lowStockThreshold() : l.lowStockThreshold();
					rows.add(new InventoryRow(p.id(), p.title(), v.id(), v.title(), sku, l.locationName(), l.stocked(),
							l.reserved(), l.available(), v.manageInventory() && l.available() <= threshold));
				}
			}
		}
		return rows;
	}

	private static List<Product.Variant> variants(Product p) {
		return p.variants() == null ? List.of() : p.variants();
	}

	private Product productOf(String variantId) {
		if (!variantId.matches("[A-Za-z0-9_]{1,100}")) {
			throw LoupeException.notFound("Variant", "(malformed)");
		}
		String productId = catalog.productOfVariant(variantId);
		if (productId == null) {
			throw LoupeException.notFound("Variant", variantId);
		}
		return catalog.product(productId);
	}

	private static String shown(String id) {
		return id.length() <= 60 && id.matches("[A-Za-z0-9_]+") ? id : "(malformed)";
	}
}
