package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductOptions;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.Reservations;
import dev.loupe.platform.LoupeException;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.VariantPrice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A product's variant matrix on its page: add option values (a variant for every new combination), add the variant
 * of a missing combination, delete a variant. New variants take the base prices of the product's first variant and
 * no stock. A deleted variant stays on the orders that sold it (lines keep title, SKU and price by value); one that
 * open orders still hold stock for, or the last one, cannot be deleted.
 */
@Controller
class ProductVariantsController {

	private final CatalogAdmin catalog;
	private final ProductOptions options;
	private final PriceSetup prices;
	private final Reservations reservations;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	ProductVariantsController(CatalogAdmin catalog, ProductOptions options, PriceSetup prices, Reservations reservations,
			AuditLog audit, TransactionTemplate tx) {
		this.catalog = catalog;
		this.options = options;
		this.prices = prices;
		this.reservations = reservations;
		this.audit = audit;
		this.tx = tx;
	}

	@PostMapping("/app/products/{id}/options/{optionId}")
	@Requires(Permission.CATALOG_WRITE)
	String addValues(@PathVariable String id, @PathVariable String optionId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(Forms.checkedId(id, "Product"));
		Forms.checkedId(optionId, "Option");
		try {
			List<String> values = Arrays.stream(Forms.param(form, "values", 2000).split(",")).map(String::strip)
				.filter(v -> !v.isEmpty()).toList();
			int created = tx.execute(s -> {
				List<String> ids = options.addValues(product.id(), optionId, values);
				copyPrices(product, ids);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("option_id", optionId);
				details.put("values", values);
				details.put("variants_created", ids.size());
				Forms.record(audit, staff, request, "product.option_values_added", "product", product.id(), details);
				return ids.size();
			});
			Flash.put(request, response, Flash.success("Added " + String.join(", ", values) + "; " + created
					+ (created == 1 ? " variant" : " variants") + " created."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/products/" + product.id();
	}

	@PostMapping("/app/products/{id}/variants/new")
	@Requires(Permission.CATALOG_WRITE)
	String addVariant(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(Forms.checkedId(id, "Product"));
		try {
			String combination = Forms.param(form, "combination", 1000);
			tx.executeWithoutResult(s -> {
				String variantId = options.addCombination(product.id(), combination);
				copyPrices(product, List.of(variantId));
				Forms.record(audit, staff, request, "product_variant.created", "product_variant", variantId,
						Map.of("product_id", product.id(), "title", combination));
			});
			Flash.put(request, response, Flash.success("Added the variant " + combination + "."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/products/" + product.id();
	}

	@PostMapping("/app/products/{id}/variants/{variantId}/delete")
	@Requires(Permission.CATALOG_WRITE)
	String deleteVariant(@PathVariable String id, @PathVariable String variantId, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(Forms.checkedId(id, "Product"));
		Product.Variant variant = product.variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
			.orElseThrow(() -> LoupeException.notFound("Variant", Forms.checkedId(variantId, "Variant")));
		try {
			if (product.variants().size() == 1) {
				throw LoupeException.notAllowed("A product keeps at least one variant; delete the product instead.");
			}
			if (!reservations.forVariant(variant.id(), 1).isEmpty()) {
				throw LoupeException.notAllowed("Open orders hold stock of " + variant.title()
						+ "; fulfil or cancel them before deleting it.");
			}
			tx.executeWithoutResult(s -> {
				catalog.deleteVariant(product.id(), variant.id());
				Forms.record(audit, staff, request, "product_variant.deleted", "product_variant", variant.id(),
						Map.of("product_id", product.id(), "title", variant.title(), "sku",
								variant.sku() == null ? "" : variant.sku()));
			});
			Flash.put(request, response, Flash.success("Deleted the variant " + variant.title() + "."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/products/" + product.id();
	}

	/** New variants start at the base prices of the product's first variant. */
	private void copyPrices(Product product, List<String> variantIds) {
		if (product.variants().isEmpty() || variantIds.isEmpty()) {
			return;
		}
		String first = product.variants().getFirst().id();
		List<VariantPrice> base = prices.basePrices(List.of(first)).getOrDefault(first, List.of()).stream()
			.filter(p -> p.regionId() == null).toList();
		for (String variantId : variantIds) {
			prices.replaceBasePrices(variantId, base.stream().map(p -> PriceDraft.of(variantId, p.amount())).toList());
		}
	}
}
