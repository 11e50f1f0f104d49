package dev.loupe.storefront.web;

import dev.loupe.platform.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured data for search engines (schema.org JSON-LD). The JSON is written for a {@code <script>} element:
 * {@code <}, {@code >} and {@code &} are escaped so no text of the catalogue can close the element.
 */
final class JsonLd {

	private JsonLd() {
	}

	static String website(String base) {
		Map<String, Object> search = new LinkedHashMap<>();
		search.put("@type", "SearchAction");
		search.put("target", base + "/search?q={search_term_string}");
		search.put("query-input", "required name=search_term_string");
		Map<String, Object> site = new LinkedHashMap<>();
		site.put("@context", "https://schema.org");
		site.put("@type", "WebSite");
		site.put("name", "Loupe");
		site.put("url", base + "/");
		site.put("potentialAction", search);
		return script(site);
	}

	static String breadcrumbs(List<Crumb> crumbs, String base, String current) {
		return script(breadcrumbList(crumbs, base, current));
	}

	static Map<String, Object> breadcrumbList(List<Crumb> crumbs, String base, String current) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < crumbs.size(); i++) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("@type", "ListItem");
			item.put("position", i + 1);
			item.put("name", crumbs.get(i).label());
			item.put("item", crumbs.get(i).url() == null ? current : base + crumbs.get(i).url());
			items.add(item);
		}
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("@context", "https://schema.org");
		list.put("@type", "BreadcrumbList");
		list.put("itemListElement", items);
		return list;
	}

	/** A Product with one offer for the selected variant, and the breadcrumbs, as a JSON-LD graph. */
	static String product(ProductPage page, String base, String url, String amount, String currency) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("url", url);
		if (amount != null) {
			offer.put("price", amount);
			offer.put("priceCurrency", currency);
		}
		offer.put("availability", switch (page.stockState()) {
			case "out" -> "https://schema.org/OutOfStock";
			case "backorder" -> "https://schema.org/BackOrder";
			case "low" -> "https://schema.org/LimitedAvailability";
			default -> "https://schema.org/InStock";
		});
		offer.put("itemCondition", "https://schema.org/NewCondition");
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("@type", "Product");
		product.put("name", page.title());
		if (page.description() != null) {
			product.put("description", page.description());
		}
		product.put("image", page.images().stream().map(i -> i.startsWith("/") ? base + i : i).toList());
		if (page.sku() != null) {
			product.put("sku", page.sku());
		}
		product.put("brand", Map.of("@type", "Brand", "name", "Loupe"));
		product.put("offers", offer);
		Map<String, Object> crumbs = breadcrumbList(page.crumbs(), base, url);
		crumbs.remove("@context");
		Map<String, Object> graph = new LinkedHashMap<>();
		graph.put("@context", "https://schema.org");
		graph.put("@graph", List.of(product, crumbs));
		return script(graph);
	}

	private static String script(Map<String, Object> value) {
		return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}
}
