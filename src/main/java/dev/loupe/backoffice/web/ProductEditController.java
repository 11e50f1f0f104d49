package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductOptions;
import dev.loupe.catalog.VariantMatrix;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.Product;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.Markets;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.VariantPrice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * Creating and editing one product: its details and status, one option with its values (a variant per value), and
 * per variant its SKU, base prices in {@link #CURRENCIES} and stock at the first stock location. Every write goes
 * through the catalogue's, pricing's and inventory's public APIs in one transaction with its audit entry, needs
 * {@link Permission#CATALOG_WRITE}, and a refusal shows the form again with the reason and a 4xx status.
 */
@Controller
class ProductEditController {

	static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");
	private static final int MAX_STOCK = 1_000_000;

	private final CatalogAdmin catalog;
	private final PriceSetup prices;
	private final StockSetup stock;
	private final Markets markets;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final ProductOptions productOptions;

	ProductEditController(CatalogAdmin catalog, PriceSetup prices, StockSetup stock, Markets markets, AuditLog audit,
			TransactionTemplate tx, ProductOptions productOptions) {
		this.productOptions = productOptions;
		this.catalog = catalog;
		this.prices = prices;
		this.stock = stock;
		this.markets = markets;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/products/new")
	@Requires(Permission.CATALOG_WRITE)
	String newProduct(HttpServletRequest request, HttpServletResponse response, Model model) {
		return newPage(Staff.of(request), ProductForm.empty(), null, model);
	}

	@PostMapping("/app/products/new")
	@Requires(Permission.CATALOG_WRITE)
	String create(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		Map<String, String> priceTexts = new LinkedHashMap<>();
		for (String c : CURRENCIES) {
			priceTexts.put(c, params.getOrDefault("price_" + c, "").strip());
		}
		ProductForm form = form(params, priceTexts);
		try {
			String id = tx.execute(s -> create(staff, form, request));
			Flash.put(request, response, Flash.success("Created " + form.title() + "."));
			return "redirect:/app/products/" + id;
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return newPage(staff, form, e.getMessage(), model);
		}
	}

	private String create(Staff staff, ProductForm form, HttpServletRequest request) {
		if (!List.of("draft", "published").contains(form.status())) {
			throw LoupeException.invalidData("Choose draft or published.");
		}
		List<Money> amounts = new ArrayList<>();
		for (String c : CURRENCIES) {
			String text = form.prices().get(c);
			if (!text.isEmpty()) {
				amounts.add(OrderController.amount(text, c));
			}
		}
		int quantity = quantity(form.stock());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", form.title());
		if (!form.handle().isEmpty()) {
			body.put("handle", form.handle());
		}
		body.put("description", form.description().isEmpty() ? null : form.description());
		body.put("status", form.status());
		VariantMatrix matrix = matrix(form);
		if (!matrix.options().isEmpty()) {
			body.put("options", matrix.options().stream()
				.map(o -> Map.<String, Object>of("title", o.title(), "values", o.values())).toList());
		}
		List<Map<String, Object>> variants = new ArrayList<>();
		for (VariantMatrix.Combination c : matrix.combinations()) {
			Map<String, Object> v = new LinkedHashMap<>();
			v.put("title", c.title().isEmpty() ? form.title() : c.title());
			String sku = c.sku(form.skuPrefix());
			if (sku != null) {
				v.put("sku", sku);
			}
			if (!c.options().isEmpty()) {
				v.put("options", c.options());
			}
			variants.add(v);
		}
		body.put("variants", variants);
		List<String> channels = markets.defaultSalesChannelId().map(List::of).orElse(List.of());
		ImportedProduct created = catalog.createProduct(Input.of(body), channels);
		String location = quantity > 0 ? defaultLocation() : null;
		List<StockSetup.Stock> levels = new ArrayList<>();
		for (String variantId : created.variantIds()) {
			prices.replaceBasePrices(variantId, amounts.stream().map(m -> PriceDraft.of(variantId, m)).toList());
			if (location != null) {
				levels.add(new StockSetup.Stock(variantId, location, quantity));
			}
		}
		if (!levels.isEmpty()) {
			stock.setStock(levels);
		}
		audit.record(Actor.staff(staff.user().id()), "product.created", "product", created.productId(),
				Map.of("handle", created.handle(), "variants", created.variantIds().size(), "from",
						request.getRemoteAddr()));
		return created.productId();
	}

	/**
	 * The new product form's variants as a table, refreshed by htmx while the options are typed; a refused matrix
	 * shows its reason in place of the table.
	 */
	@PostMapping("/app/products/new/preview")
	@Requires(Permission.CATALOG_WRITE)
	String preview(@RequestParam Map<String, String> params, Model model) {
		Map<String, String> priceTexts = new LinkedHashMap<>();
		for (String c : CURRENCIES) {
			priceTexts.put(c, params.getOrDefault("price_" + c, "").strip());
		}
		previewModel(form(params, priceTexts), model);
		return "app/variant-matrix";
	}

	private void previewModel(ProductForm form, Model model) {
		try {
			model.addAttribute("matrix", matrix(form));
			model.addAttribute("matrixError", null);
		}
		catch (LoupeException e) {
			model.addAttribute("matrix", null);
			model.addAttribute("matrixError", e.getMessage());
		}
		model.addAttribute("skuPrefix", form.skuPrefix());
		model.addAttribute("productTitle", form.title());
	}

	private static ProductForm form(Map<String, String> params, Map<String, String> priceTexts) {
		List<ProductForm.OptionField> options = new ArrayList<>();
		for (int i = 1; i <= ProductForm.OPTION_ROWS; i++) {
			options.add(new ProductForm.OptionField(param(params, "option_title_" + i, 200),
					param(params, "option_values_" + i, 2000)));
		}
		return new ProductForm(param(params, "title", 500), param(params, "handle", 200),
				param(params, "description", 5000), param(params, "status", 20), options,
				param(params, "sku_prefix", 100), priceTexts, param(params, "stock", 12));
	}

	/** The options typed on the form (rows left empty are skipped) as a validated matrix. */
	private static VariantMatrix matrix(ProductForm form) {
		List<ProductDraft.Option> options = new ArrayList<>();
		for (ProductForm.OptionField f : form.options()) {
			if (f.title().isEmpty() && f.values().isEmpty()) {
				continue;
			}
			if (f.title().isEmpty()) {
				throw LoupeException.invalidData("Name the option (such as Colour) for the values " + f.values() + ".");
			}
			List<String> values = java.util.Arrays.stream(f.values().split(",")).map(String::strip)
				.filter(v -> !v.isEmpty()).toList();
			if (values.isEmpty()) {
				throw LoupeException.invalidData("Give the option " + f.title() + " at least one value, separated by commas.");
			}
			options.add(new ProductDraft.Option(f.title(), values));
		}
		return VariantMatrix.of(options);
	}

	@GetMapping("/app/products/{id}")
	@Requires(Permission.CATALOG_READ)
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Product product = catalog.product(checkedId(id));
		return editPage(Staff.of(request), product, null, Flash.take(request, response), model);
	}

	@PostMapping("/app/products/{id}")
	@Requires(Permission.CATALOG_WRITE)
	String update(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(checkedId(id));
		try {
			String status = param(params, "status", 20);
			if (!List.of("draft", "published").contains(status)) {
				throw LoupeException.invalidData("Choose draft or published.");
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("title", param(params, "title", 500));
			body.put("handle", param(params, "handle", 200));
			String description = param(params, "description", 5000);
			body.put("description", description.isEmpty() ? null : description);
			body.put("status", status);
			tx.executeWithoutResult(s -> {
				catalog.updateProduct(product.id(), Input.of(body));
				record(staff, request, "product.updated", "product", product.id(), Map.of("fields", List.copyOf(body.keySet())));
			});
			Flash.put(request, response, Flash.success("Saved."));
			return "redirect:/app/products/" + product.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, product, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/products/{id}/status")
	@Requires(Permission.CATALOG_WRITE)
	String status(@PathVariable String id, @RequestParam(defaultValue = "") String status, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(checkedId(id));
		try {
			if (!List.of("draft", "published").contains(status)) {
				throw LoupeException.invalidData("Choose draft or published.");
			}
			tx.executeWithoutResult(s -> {
				catalog.updateProduct(product.id(), Input.of(Map.of("status", status)));
				record(staff, request, "product.updated", "product", product.id(), Map.of("fields", List.of("status")));
			});
			Flash.put(request, response, Flash.success("published".equals(status) ? "Published." : "Unpublished; the product is a draft again."));
			return "redirect:/app/products/" + product.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, product, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/products/{id}/organize")
	@Requires(Permission.CATALOG_WRITE)
	String organize(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(checkedId(id));
		try {
			List<String> categories = params.getOrDefault("category", List.of());
			if (categories.size() > 100) {
				throw LoupeException.invalidData("A product is in at most 100 categories.");
			}
			for (String c : categories) {
				Forms.checkedId(c, "Product category");
			}
			String collection = Forms.param(params.toSingleValueMap(), "collection_id", 100);
			String tagText = Forms.param(params.toSingleValueMap(), "tags", 2000);
			LinkedHashSet<String> tags = new LinkedHashSet<>();
			for (String t : tagText.split(",")) {
				if (!t.isBlank()) {
					if (t.strip().length() > 200) {
						throw LoupeException.invalidData("A tag has at most 200 characters.");
					}
					tags.add(t.strip());
				}
			}
			if (tags.size() > 100) {
				throw LoupeException.invalidData("A product has at most 100 tags.");
			}
			List<String> channels = List.copyOf(new LinkedHashSet<>(params.getOrDefault("sales_channel", List.of())));
			if (channels.size() > 100) {
				throw LoupeException.invalidData("Too many sales channels.");
			}
			for (String c : channels) {
				if (!markets.salesChannelExists(Forms.checkedId(c, "Sales channel"))) {
					throw LoupeException.notFound("Sales channel", c);
				}
			}
			Map<String, Object> body = new LinkedHashMap<>();
			List<String> categoryIds = List.copyOf(new LinkedHashSet<>(categories));
			body.put("categories", categoryIds.stream().map(c -> Map.of("id", c)).toList());
			body.put("sales_channels", channels.stream().map(c -> Map.of("id", c)).toList());
			body.put("collection_id", collection.isEmpty() ? null : collection);
			body.put("tags", tags.stream().map(t -> Map.of("value", t)).toList());
			tx.executeWithoutResult(s -> {
				catalog.updateProduct(product.id(), Input.of(body));
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("fields", List.of("categories", "collection_id", "tags", "sales_channels"));
				details.put("sales_channels", channels);
				details.put("categories", categoryIds);
				details.put("collection_id", collection.isEmpty() ? "(none)" : collection);
				details.put("tags", List.copyOf(tags));
				record(staff, request, "product.updated", "product", product.id(), details);
			});
			Flash.put(request, response, Flash.success("Saved categories, collection, tags and sales channels."));
			return "redirect:/app/products/" + product.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, product, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/products/{id}/variants/{variantId}")
	@Requires(Permission.CATALOG_WRITE)
	String updateVariant(@PathVariable String id, @PathVariable String variantId,
			@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(checkedId(id));
		Product.Variant variant = product.variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
				.orElseThrow(() -> LoupeException.notFound("Variant", "(of this product)"));
		try {
			String sku = param(params, "sku", 200);
			List<PriceDraft> drafts = new ArrayList<>();
			for (String c : CURRENCIES) {
				String text = params.getOrDefault("price_" + c, "").strip();
				if (text.length() > 20) {
					throw LoupeException.invalidData("Enter the amount as a number such as 12.50.");
				}
				if (!text.isEmpty()) {
					drafts.add(PriceDraft.of(variant.id(), OrderController.amount(text, c)));
				}
			}
			String stockText = param(params, "stock", 12);
			Integer quantity = stockText.isEmpty() ? null : quantity(stockText);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("sku", sku.isEmpty() ? null : sku);
			body.put("manage_inventory", params.containsKey("manage_inventory"));
			tx.executeWithoutResult(s -> {
				catalog.updateVariant(product.id(), variant.id(), Input.of(body));
				prices.replaceBasePrices(variant.id(), drafts);
				if (quantity != null) {
					// A count on the product page: the ledger records the difference; never below what is reserved.
					stock.count(variant.id(), defaultLocation(), quantity, "Counted on the product page",
							staff.user().id());
				}
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("fields", List.of("sku", "manage_inventory", "prices"));
				details.put("prices", drafts.stream().map(d -> Format.plain(d.amount()) + " " + d.amount().currency().getCurrencyCode()).toList());
				if (quantity != null) {
					details.put("stock", quantity);
				}
				record(staff, request, "product_variant.updated", "product_variant", variant.id(), details);
			});
			Flash.put(request, response, Flash.success("Saved " + variant.title() + "."));
			return "redirect:/app/products/" + product.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return editPage(staff, product, variant.title() + ": " + e.getMessage(), null, model);
		}
	}

	private String defaultLocation() {
		List<StockLocation> locations = stock.locations();
		if (locations.isEmpty()) {
			throw LoupeException.notAllowed("There is no stock location yet; create one before entering stock.");
		}
		return locations.getFirst().id();
	}

	private static int quantity(String text) {
		if (!text.matches("[0-9]{1,7}") || Integer.parseInt(text) > MAX_STOCK) {
			throw LoupeException.invalidData("Stock is a whole number from 0 to " + MAX_STOCK + ".");
		}
		return Integer.parseInt(text);
	}

	private static String param(Map<String, String> params, String name, int max) {
		String value = params.getOrDefault(name, "").strip();
		if (value.length() > max || value.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The field " + name.replace('_', ' ') + " is too long or malformed.");
		}
		return value;
	}

	private static String checkedId(String id) {
		if (id.length() > 60 || !id.matches("[A-Za-z0-9_]+")) {
			throw LoupeException.notFound("Product", "(malformed)");
		}
		return id;
	}

	private void record(Staff staff, HttpServletRequest request, String action, String type, String id,
			Map<String, Object> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("from", request.getRemoteAddr());
		audit.record(Actor.staff(staff.user().id()), action, type, id, all);
	}

	private String newPage(Staff staff, ProductForm form, String error, Model model) {
		model.addAttribute("frame", new Frame(staff, "New product", "products", error == null ? null : new Flash("error", error)));
		model.addAttribute("form", form);
		model.addAttribute("currencies", CURRENCIES);
		previewModel(form, model);
		return "app/product-new";
	}

	private String editPage(Staff staff, Product product, String error, Flash flash, Model model) {
		Map<String, List<VariantPrice>> stored = prices.basePrices(product.variants().stream().map(Product.Variant::id).toList());
		List<VariantRow> rows = new ArrayList<>();
		for (Product.Variant v : product.variants()) {
			Map<String, String> byCurrency = new LinkedHashMap<>();
			for (VariantPrice p : stored.getOrDefault(v.id(), List.of())) {
				if (p.regionId() == null) {
					byCurrency.put(p.amount().currency().getCurrencyCode(), Format.plain(p.amount()));
				}
			}
			String label = v.options() == null || v.options().isEmpty() ? v.title()
					: String.join(" / ", v.options().stream().map(o -> o.optionTitle() + ": " + o.value()).toList());
			rows.add(new VariantRow(v, label, byCurrency));
		}
		model.addAttribute("frame", new Frame(staff, product.title(), "products", error == null ? flash : new Flash("error", error)));
		model.addAttribute("product", product);
		model.addAttribute("rows", rows);
		model.addAttribute("currencies", CURRENCIES);
		model.addAttribute("canWrite", staff.can(Permission.CATALOG_WRITE));
		model.addAttribute("options", product.options() == null ? List.of() : product.options().stream()
			.filter(o -> !o.title().equals("Default option")).toList());
		List<VariantMatrix.Combination> missing;
		try {
			missing = productOptions.missing(product.id());
		}
		catch (LoupeException e) {
			missing = List.of(); // options made through the Admin API beyond what the matrix handles
		}
		model.addAttribute("missing", missing);
		model.addAttribute("categories", CategoryRow.tree(catalog.categories(), Map.of()));
		model.addAttribute("channels", markets.salesChannels());
		model.addAttribute("productChannels", catalog.salesChannelsOf(List.of(product.id())).getOrDefault(product.id(), List.of()));
		model.addAttribute("collections", catalog.collections().stream()
			.sorted(java.util.Comparator.comparing(dev.loupe.catalog.Collection::title, String.CASE_INSENSITIVE_ORDER))
			.toList());
		return "app/product";
	}
}
