package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.backoffice.BackOfficeProperties;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.LowStock;
import dev.loupe.inventory.LowStockThresholds;
import dev.loupe.inventory.Reservations;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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

	static final int MAX_BULK = 100;
	static final int RESERVATIONS_SHOWN = 100;

	private final CatalogAdmin catalog;
	private final StockLevels levels;
	private final StockSetup setup;
	private final LowStockThresholds thresholds;
	private final Reservations reservations;
	private final AuditLog audit;
	private final BackOfficeProperties properties;
	private final TransactionTemplate tx;

	InventoryController(CatalogAdmin catalog, StockLevels levels, StockSetup setup, LowStockThresholds thresholds,
			Reservations reservations, AuditLog audit, BackOfficeProperties properties, TransactionTemplate tx) {
		this.catalog = catalog;
		this.levels = levels;
		this.setup = setup;
		this.thresholds = thresholds;
		this.reservations = reservations;
		this.audit = audit;
		this.properties = properties;
		this.tx = tx;
	}

	@GetMapping("/app/inventory")
	@Requires(Permission.CATALOG_READ)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "") String low, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		String query = q.strip();
		if (query.length() > 200 || query.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search is too long.");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; search to narrow the list.");
		}
		boolean lowOnly = low.equals("1");
		int threshold = storeThreshold();
		String search = query.isEmpty() ? null : query;
		List<InventoryRow> rows;
		boolean more;
		int shownCount;
		long total;
		if (lowOnly) {
			// Low stock is a fact about variants, not products: page through the variants at or below their threshold.
			List<LowStock> lows = levels.low(threshold, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
			more = lows.size() > PAGE_SIZE;
			List<LowStock> page_ = more ? lows.subList(0, PAGE_SIZE) : lows;
			Map<String, Product> byProduct = new LinkedHashMap<>();
			rows = new ArrayList<>();
			for (LowStock l : page_) {
				String productId = catalog.liveProductOfVariant(l.variantId()).orElse(null);
				if (productId != null) {
					Product product = byProduct.computeIfAbsent(productId, catalog::product);
					rows.addAll(rows(List.of(product), Set.of(l.variantId()), threshold));
				}
			}
			shownCount = page_.size();
			total = levels.countLow(threshold);
		}
		else {
			List<Product> products = catalog.products(search, List.of(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
			more = products.size() > PAGE_SIZE;
			List<Product> shown = more ? products.subList(0, PAGE_SIZE) : products;
			rows = rows(shown, null, threshold);
			shownCount = shown.size();
			total = catalog.countProducts(search, List.of());
		}
		String base = "/app/inventory?" + (lowOnly ? "low=1&" : "") + "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
				+ "&page=";
		model.addAttribute("frame", new Frame(staff, "Inventory", "inventory", Flash.take(request, response)));
		model.addAttribute("rows", rows);
		model.addAttribute("q", query);
		model.addAttribute("lowOnly", lowOnly);
		model.addAttribute("total", total);
		model.addAttribute("threshold", threshold);
		model.addAttribute("locations", setup.locations());
		model.addAttribute("canAdjust", staff.can(Permission.ORDERS_FULFILL));
		model.addAttribute("back", base + page);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + shownCount));
		return "app/inventory";
	}

	/**
	 * Sets or adjusts the stocked quantity of the ticked variants at one location with one reason, all or nothing:
	 * each change goes through the stock adjustment (ledger movement, StockChanged), a set below what is reserved
	 * refuses the whole action, and one audit entry records it with the count.
	 */
	@PostMapping("/app/inventory/bulk")
	@Requires(Permission.ORDERS_FULFILL)
	String bulk(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Map<String, String> form = params.toSingleValueMap();
		String back = form.getOrDefault("back", "");
		if (!back.matches("/app/inventory\\?[A-Za-z0-9=&%._+-]{0,300}")) {
			back = "/app/inventory";
		}
		try {
			List<String> ids = List.copyOf(new LinkedHashSet<>(params.getOrDefault("variant", List.of())));
			if (ids.isEmpty()) {
				throw LoupeException.invalidData("Tick the variants to change first.");
			}
			if (ids.size() > MAX_BULK) {
				throw LoupeException.invalidData("Change at most " + MAX_BULK + " variants at a time.");
			}
			ids.forEach(id -> Forms.checkedId(id, "Variant"));
			String location = location(form);
			String mode = mode(form);
			int value = quantity(form, mode);
			String reason = reason(form);
			int changed = tx.execute(s -> {
				for (String id : ids) {
					catalog.productOfVariant(id);
				}
				int count = 0;
				for (String id : ids) {
					int before = stocked(id, location);
					int after = mode.equals("set") ? setup.count(id, location, value, reason, staff.actor())
							: (value == 0 ? before : setup.adjust(id, location, value, reason, staff.actor()));
					if (after != before) {
						count++;
					}
				}
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("location_id", location);
				details.put("mode", mode);
				details.put("quantity", value);
				details.put("reason", reason);
				details.put("variants", ids.size());
				details.put("changed", count);
				details.put("variant_ids", ids);
				Forms.record(audit, staff, request, "inventory.bulk_adjusted", "stock_location", location, details);
				return count;
			});
			Flash.put(request, response, Flash.success((mode.equals("set") ? "Set" : "Adjusted") + " the stock of "
					+ ids.size() + (ids.size() == 1 ? " variant" : " variants") + " (" + changed + " changed)."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage() + " Nothing was changed."));
		}
		return "redirect:" + back;
	}

	/** The store-wide low-stock threshold for variants without their own. */
	@PostMapping("/app/inventory/default-threshold")
	@Requires(Permission.ORDERS_FULFILL)
	String defaultThreshold(@RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		try {
			int threshold = threshold(form.getOrDefault("threshold", "").strip(), false);
			tx.executeWithoutResult(s -> {
				Integer before = thresholds.setStoreDefault(threshold);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("from_threshold", before == null ? properties.lowStockThreshold() : before);
				details.put("to_threshold", threshold);
				Forms.record(audit, staff, request, "inventory.default_threshold_changed", "store", "low_stock_threshold",
						details);
			});
			Flash.put(request, response, Flash.success("Variants without their own threshold are low at " + threshold
					+ " or fewer."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/inventory";
	}

	/** The low-stock threshold of a variant at a location; left empty, the store-wide one applies. */
	@PostMapping("/app/inventory/{variantId}/threshold")
	@Requires(Permission.ORDERS_FULFILL)
	String threshold(@PathVariable String variantId, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		productOf(variantId);
		try {
			String location = location(form);
			String text = form.getOrDefault("threshold", "").strip();
			Integer threshold = text.isEmpty() ? null : threshold(text, true);
			tx.executeWithoutResult(s -> {
				Integer before = thresholds.setThreshold(variantId, location, threshold);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("location_id", location);
				details.put("from_threshold", before == null ? "(store default)" : before);
				details.put("to_threshold", threshold == null ? "(store default)" : threshold);
				Forms.record(audit, staff, request, "inventory.threshold_changed", "variant", variantId, details);
			});
			Flash.put(request, response, Flash.success(threshold == null ? "The store-wide threshold applies again."
					: "Low stock at " + threshold + " or fewer."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/inventory/" + variantId;
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
		model.addAttribute("threshold", storeThreshold());
		model.addAttribute("reservations", reservations.forVariant(variantId, RESERVATIONS_SHOWN));
		model.addAttribute("canOrders", staff.can(Permission.ORDERS_READ));
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
			String location = location(form);
			String mode = mode(form);
			int value = quantity(form, mode);
			String reason = reason(form);
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

	private List<InventoryRow> rows(List<Product> products, Set<String> only, int storeThreshold) {
		List<String> ids = products.stream().flatMap(p -> variants(p).stream()).map(Product.Variant::id)
			.filter(id -> only == null || only.contains(id)).toList();
		Map<String, List<StockLevels.Level>> byVariant = new LinkedHashMap<>();
		for (StockLevels.Level l : levels.levels(ids)) {
			byVariant.computeIfAbsent(l.variantId(), k -> new ArrayList<>()).add(l);
		}
		List<InventoryRow> rows = new ArrayList<>();
		for (Product p : products) {
			for (Product.Variant v : variants(p)) {
				if (only != null && !only.contains(v.id())) {
					continue;
				}
				String sku = v.sku() == null ? "" : v.sku();
				List<StockLevels.Level> at = byVariant.getOrDefault(v.id(), List.of());
				if (at.isEmpty()) {
					rows.add(new InventoryRow(p.id(), p.title(), v.id(), v.title(), sku, "—", 0, 0, 0, v.manageInventory()));
				}
				for (StockLevels.Level l : at) {
					int threshold = l.lowStockThreshold() == null ? storeThreshold : l.lowStockThreshold();
					rows.add(new InventoryRow(p.id(), p.title(), v.id(), v.title(), sku, l.locationName(), l.stocked(),
							l.reserved(), l.available(), v.manageInventory() && l.available() <= threshold));
				}
			}
		}
		return rows;
	}

	private int storeThreshold() {
		return thresholds.storeDefault(properties.lowStockThreshold());
	}

	private int stocked(String variantId, String location) {
		return levels.levels(List.of(variantId)).stream().filter(l -> l.locationId().equals(location))
			.mapToInt(StockLevels.Level::stocked).findFirst().orElse(0);
	}

	private String location(Map<String, String> form) {
		String location = form.getOrDefault("location_id", "").strip();
		if (!location.matches("[A-Za-z0-9_]{1,100}")
				|| setup.locations().stream().map(StockLocation::id).noneMatch(location::equals)) {
			throw LoupeException.invalidData("Choose a stock location from the list.");
		}
		return location;
	}

	private static String mode(Map<String, String> form) {
		String mode = form.getOrDefault("mode", "");
		if (!mode.equals("set") && !mode.equals("add")) {
			throw LoupeException.invalidData("Choose whether to set the quantity or add and remove units.");
		}
		return mode;
	}

	private static int quantity(Map<String, String> form, String mode) {
		String quantity = form.getOrDefault("quantity", "").strip();
		if (!quantity.matches(mode.equals("set") ? "[0-9]{1,7}" : "[+-]?[0-9]{1,7}")
				|| Math.abs(Long.parseLong(quantity)) > MAX_QUANTITY) {
			throw LoupeException.invalidData(mode.equals("set")
					? "Enter the quantity on the shelf as a whole number from 0 to " + MAX_QUANTITY + "."
					: "Enter the units to add (or remove, with a minus) as a whole number up to " + MAX_QUANTITY + ".");
		}
		return Integer.parseInt(quantity);
	}

	private static String reason(Map<String, String> form) {
		String reason = form.getOrDefault("reason", "").strip();
		if (reason.isEmpty() || reason.length() > 200 || reason.chars().anyMatch(c -> c < 0x20)) {
			throw LoupeException.invalidData("Give a reason of at most 200 characters (a count, damage, a delivery).");
		}
		return reason;
	}

	private static int threshold(String text, boolean perLevel) {
		if (!text.matches("[0-9]{1,7}") || Integer.parseInt(text) > LowStockThresholds.MAX) {
			throw LoupeException.invalidData("Enter the threshold as a whole number from 0 to " + LowStockThresholds.MAX
					+ (perLevel ? ", or leave it empty for the store-wide one." : "."));
		}
		return Integer.parseInt(text);
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
