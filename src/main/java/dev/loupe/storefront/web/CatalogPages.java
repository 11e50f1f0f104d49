package dev.loupe.storefront.web;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Facets;
import dev.loupe.catalog.OptionFacet;
import dev.loupe.catalog.VariantFilter;
import dev.loupe.platform.Money;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductFilter;
import dev.loupe.catalog.ProductOrder;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.ProductRelations;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The catalogue's pages: home, categories, collections and search, with facets (category, collection), sorting and
 * pagination as plain links. Query parameters are read leniently: a page number or sort that makes no sense falls
 * back to the first page or the default order, and never fails the page.
 */
@Controller
class CatalogPages {

	static final int PER_PAGE = 24;
	private static final int MAX_PAGE = 400;
	private static final Set<ProductRelations> CARD = EnumSet.of(ProductRelations.VARIANTS);
	private static final Map<String, String> SORTS = sorts();
	private static final int MAX_OPTION_TITLES = 6;
	private static final int MAX_OPTION_VALUES = 30;

	private final ProductQueries products;
	private final Visits visits;
	private final Listings listings;

	CatalogPages(ProductQueries products, Visits visits, Listings listings) {
		this.products = products;
		this.visits = visits;
		this.listings = listings;
	}

	private static Map<String, String> sorts() {
		Map<String, String> sorts = new LinkedHashMap<>();
		sorts.put("newest", "Newest");
		sorts.put("price", "Price: low to high");
		sorts.put("-price", "Price: high to low");
		sorts.put("title", "Name A–Z");
		sorts.put("-title", "Name Z–A");
		return sorts;
	}

	@GetMapping("/")
	String home(HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		List<String> channels = visit.salesChannelIds();
		List<Collection> collections = products.collections();
		List<FacetLink> collectionLinks = collections.stream()
			.map(c -> new FacetLink(c.title(), 0, "/collections/" + c.handle(), false, 0)).toList();
		List<ProductCard> featured = List.of();
		String featuredTitle = null;
		String featuredUrl = null;
		for (Collection c : collections) {
			List<Product> found = products.page(filter(channels, null, List.of(), List.of(c.id())),
					ProductOrder.CREATED_AT_DESC, 4, 0, CARD);
			if (!found.isEmpty()) {
				featured = listings.cards(found, visit.region());
				featuredTitle = c.title();
				featuredUrl = "/collections/" + c.handle();
				break;
			}
		}
		List<ProductCard> newest = listings.cards(products.page(filter(channels, null, List.of(), List.of()),
				ProductOrder.CREATED_AT_DESC, 8, 0, CARD), visit.region());
		List<FacetLink> categories = visits.snapshot().tree().stream()
			.map(c -> new FacetLink(c.name(), 0, "/categories/" + c.handle(), false, 0)).toList();
		Frame frame = visits.frame(visit, http, null,
				"Presence sensors, eyewear and downloads, shipped fast across the US, Europe and the UK.", false);
		model.addAttribute("page", new HomePage(frame.withJsonLd(JsonLd.website(visits.base(http))), collectionLinks,
				featured, featuredTitle, featuredUrl, newest, categories));
		PageCaching.catalogue(http, response);
		return "storefront/home";
	}

	@GetMapping("/categories/{handle}")
	String category(@PathVariable String handle, HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Category category = visits.snapshot().categories().stream().filter(c -> c.handle().equals(handle)).findFirst()
			.orElseThrow(() -> LoupeException.notFound("Category", Formats.clean(handle, 80)));
		List<String> ids = new ArrayList<>();
		collect(products.withDescendants(category), ids);
		List<Crumb> crumbs = new ArrayList<>();
		crumbs.add(new Crumb("Home", "/"));
		trail(category, crumbs);
		return listing(http, response, model, visit, category.name(), category.description(), crumbs, ids, List.of(),
				"/categories/" + category.handle(), null);
	}

	@GetMapping("/collections/{handle}")
	String collection(@PathVariable String handle, HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Collection collection = products.collections().stream().filter(c -> c.handle().equals(handle)).findFirst()
			.orElseThrow(() -> LoupeException.notFound("Collection", Formats.clean(handle, 80)));
		List<Crumb> crumbs = List.of(new Crumb("Home", "/"), new Crumb(collection.title(), null));
		return listing(http, response, model, visit, collection.title(), null, crumbs, List.of(),
				List.of(collection.id()), "/collections/" + collection.handle(), null);
	}

	@GetMapping("/search")
	String search(HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		String q = Formats.clean(one(http, "q"), 200);
		if (q != null && q.isBlank()) {
			q = null;
		}
		List<String> categoryIds = new ArrayList<>();
		for (String handle : many(http, "category")) {
			visits.snapshot().categories().stream().filter(c -> c.handle().equals(handle)).findFirst()
				.ifPresent(c -> collect(products.withDescendants(c), categoryIds));
		}
		List<String> collectionIds = new ArrayList<>();
		for (String handle : many(http, "collection")) {
			products.collections().stream().filter(c -> c.handle().equals(handle)).findFirst()
				.ifPresent(c -> collectionIds.add(c.id()));
		}
		List<Crumb> crumbs = List.of(new Crumb("Home", "/"), new Crumb("Search", null));
		return listing(http, response, model, visit, q == null ? "All products" : "Results for “" + q + "”", null,
				crumbs, categoryIds, collectionIds, "/search", q);
	}

	private String listing(HttpServletRequest http, HttpServletResponse response, Model model, Visit visit,
			String heading, String intro, List<Crumb> crumbs, List<String> categoryIds, List<String> collectionIds,
			String path, String q) {
		boolean search = "/search".equals(path);
		String sortKey = Optional.ofNullable(one(http, "sort")).filter(SORTS::containsKey).orElse("newest");
		int page = Math.min(Math.max(number(one(http, "page"), 1), 1), MAX_PAGE);
		ListingFilter variantChoice = ListingFilter.of(http);
		if (!variantChoice.options().isEmpty()) {
			variantChoice = variantChoice.onlyTitles(
					products.optionTitles(visit.salesChannelIds(), variantChoice.options().keySet()));
		}
		ProductFilter filter = filter(visit.salesChannelIds(), q, categoryIds, collectionIds)
			.withVariants(variants(variantChoice, visit));
		long total = listings.count(filter);
		int pages = (int) Math.max(1, Math.min(MAX_PAGE, (total + PER_PAGE - 1) / PER_PAGE));
		page = Math.min(page, pages);
		int offset = (page - 1) * PER_PAGE;
		List<Product> found = switch (sortKey) {
			case "price", "-price" -> products.pageByPrice(filter, listings.listingPrice(visit.region()),
					"-price".equals(sortKey), PER_PAGE, offset, CARD);
			case "title" -> products.page(filter, ProductOrder.TITLE, PER_PAGE, offset, CARD);
			case "-title" -> products.page(filter, ProductOrder.TITLE_DESC, PER_PAGE, offset, CARD);
			default -> products.page(filter, ProductOrder.CREATED_AT_DESC, PER_PAGE, offset, CARD);
		};
		List<ProductCard> cards = listings.cards(found, visit.region());

		Map<String, List<String>> params = new LinkedHashMap<>();
		if (q != null) {
			params.put("q", List.of(q));
		}
		if (search) {
			params.put("category", many(http, "category"));
			params.put("collection", many(http, "collection"));
		}
		Map<String, List<String>> unfiltered = new LinkedHashMap<>(params);
		variantChoice.addTo(params);
		if (!"newest".equals(sortKey)) {
			params.put("sort", List.of(sortKey));
			unfiltered.put("sort", List.of(sortKey));
		}
		List<FacetLink> sorts = new ArrayList<>();
		for (Map.Entry<String, String> sort : SORTS.entrySet()) {
			Map<String, List<String>> p = new LinkedHashMap<>(params);
			p.remove("sort");
			if (!"newest".equals(sort.getKey())) {
				p.put("sort", List.of(sort.getKey()));
			}
			sorts.add(new FacetLink(sort.getValue(), 0, url(path, p), sort.getKey().equals(sortKey), 0));
		}
		FilterPanel panel = panel(path, params, unfiltered, variantChoice, filter, visit);
		List<FacetLink> categoryFacets = new ArrayList<>();
		List<FacetLink> collectionFacets = new ArrayList<>();
		if (search) {
			Facets facets = listings.facets(filter(visit.salesChannelIds(), q, List.of(), collectionIds)
				.withVariants(filter.variants()));
			List<String> chosen = many(http, "category");
			for (Category c : flatten(visits.snapshot().tree(), 0)) {
				long n = facets.categories().getOrDefault(c.id(), 0L);
				boolean active = chosen.contains(c.handle());
				if (n > 0 || active || anyCounted(c, facets)) {
					Map<String, List<String>> p = new LinkedHashMap<>(params);
					List<String> next = new ArrayList<>(chosen);
					if (active) {
						next.remove(c.handle());
					}
					else {
						next.add(c.handle());
					}
					p.put("category", next);
					categoryFacets.add(new FacetLink(c.name(), n, url(path, p), active, c.parentCategoryId() == null ? 0 : 1));
				}
			}
			Facets byCollection = listings.facets(filter(visit.salesChannelIds(), q, categoryIds, List.of())
				.withVariants(filter.variants()));
			List<String> chosenCollections = many(http, "collection");
			for (Collection c : products.collections()) {
				long n = byCollection.collections().getOrDefault(c.id(), 0L);
				boolean active = chosenCollections.contains(c.handle());
				if (n > 0 || active) {
					Map<String, List<String>> p = new LinkedHashMap<>(params);
					p.put("collection", active ? List.of() : List.of(c.handle()));
					collectionFacets.add(new FacetLink(c.title(), n, url(path, p), active, 0));
				}
			}
		}
		else if (!categoryIds.isEmpty()) {
			Facets facets = listings.facets(filter(visit.salesChannelIds(), null, List.of(), List.of()));
			String current = categoryIds.getFirst();
			for (Category c : visits.snapshot().categories()) {
				if (current.equals(c.parentCategoryId()) && facets.categories().getOrDefault(c.id(), 0L) > 0) {
					categoryFacets.add(new FacetLink(c.name(), facets.categories().get(c.id()), "/categories/" + c.handle(),
							false, 0));
				}
			}
		}
		List<FacetLink> pageLinks = new ArrayList<>();
		for (int i = Math.max(1, page - 2); i <= Math.min(pages, page + 2); i++) {
			pageLinks.add(new FacetLink(Integer.toString(i), 0, pageUrl(path, params, i), i == page, 0));
		}
		String previous = page > 1 ? pageUrl(path, params, page - 1) : null;
		String next = page < pages ? pageUrl(path, params, page + 1) : null;
		boolean filtered = http.getQueryString() != null;
		Frame frame = visits.frame(visit, http, search ? (q == null ? "All products" : "Search: " + q) : heading,
				intro != null ? intro : heading + " at Loupe: " + total + " products.", search || filtered);
		if (page > 1 && !search) {
			frame = new Frame(frame.title() + " · page " + page, frame.description(), frame.canonical() + "?page=" + page,
					frame.image(), frame.jsonLd(), frame.noindex(), frame.path(), frame.query(), frame.region(),
					frame.regions(), frame.nav(), frame.cartCount(), frame.loggedIn(), frame.css(), frame.js(),
					frame.htmx(), frame.storeName());
		}
		frame = frame.withQuery(q).withJsonLd(JsonLd.breadcrumbs(crumbs, visits.base(http), frame.canonical()));
		model.addAttribute("page", new ListingPage(frame, heading, intro, crumbs, cards, total, page, pages,
				categoryFacets, collectionFacets, sorts, previous, next, pageLinks, q, search, panel));
		PageCaching.catalogue(http, response);
		return "storefront/listing";
	}

	private VariantFilter variants(ListingFilter chosen, Visit visit) {
		if (chosen.isEmpty()) {
			return VariantFilter.NONE;
		}
		boolean priced = chosen.minPrice() != null || chosen.maxPrice() != null;
		return new VariantFilter(chosen.options(), priced ? listings.listingPrice(visit.region()) : null,
				chosen.minPrice(), chosen.maxPrice(), chosen.inStock() ? listings.inStock() : null);
	}

	/** The option, price and stock filters of a listing: links that toggle, a price form, chips that remove. */
	private FilterPanel panel(String path, Map<String, List<String>> params, Map<String, List<String>> unfiltered,
			ListingFilter chosen, ProductFilter filter, Visit visit) {
		String currency = visit.region().currencyCode();
		List<FilterPanel.OptionGroup> groups = new ArrayList<>();
		List<FacetLink> chips = new ArrayList<>();
		for (OptionFacet facet : products.optionFacets(filter, MAX_OPTION_TITLES, MAX_OPTION_VALUES)) {
			List<String> picked = chosen.options().getOrDefault(facet.title(), List.of());
			List<FacetLink> values = new ArrayList<>();
			List<String> shown = new ArrayList<>();
			for (OptionFacet.Value v : facet.values()) {
				shown.add(v.value());
				values.add(new FacetLink(v.value(), v.count(), filteredUrl(path, unfiltered, chosen.toggle(facet.title(), v.value())),
						picked.contains(v.value()), 0));
			}
			for (String value : picked) {
				if (!shown.contains(value)) {
					values.add(new FacetLink(value, 0, filteredUrl(path, unfiltered, chosen.toggle(facet.title(), value)), true, 0));
				}
			}
			groups.add(new FilterPanel.OptionGroup(facet.title(), values));
		}
		chosen.options().forEach((title, values) -> values.forEach(value -> chips.add(new FacetLink(title + ": " + value, 0,
				filteredUrl(path, unfiltered, chosen.toggle(title, value)), true, 0))));
		if (chosen.minPrice() != null || chosen.maxPrice() != null) {
			String min = chosen.minPrice() == null ? null : Formats.money(Money.of(chosen.minPrice(), currency));
			String max = chosen.maxPrice() == null ? null : Formats.money(Money.of(chosen.maxPrice(), currency));
			String label = min != null && max != null ? min + " – " + max : min != null ? "From " + min : "Up to " + max;
			chips.add(new FacetLink(label, 0, filteredUrl(path, unfiltered, chosen.withoutPrice()), true, 0));
		}
		if (chosen.inStock()) {
			chips.add(new FacetLink("In stock", 0, filteredUrl(path, unfiltered, chosen.withInStock(false)), true, 0));
		}
		FacetLink inStock = new FacetLink("In stock only", 0,
				filteredUrl(path, unfiltered, chosen.withInStock(!chosen.inStock())), chosen.inStock(), 0);
		List<FilterPanel.Hidden> keep = new ArrayList<>();
		params.forEach((name, values) -> {
			if (!name.equals("min_price") && !name.equals("max_price") && !name.equals("page")) {
				values.forEach(v -> keep.add(new FilterPanel.Hidden(name, v)));
			}
		});
		return new FilterPanel(groups, chosen.minPrice() == null ? "" : chosen.minPrice().toPlainString(),
				chosen.maxPrice() == null ? "" : chosen.maxPrice().toPlainString(), Formats.symbol(currency), inStock,
				chips, url(path, unfiltered), path, keep);
	}

	/** The listing's URL with other variant filters (the search words, categories and sort kept; back to page 1). */
	private static String filteredUrl(String path, Map<String, List<String>> unfiltered, ListingFilter next) {
		Map<String, List<String>> p = new LinkedHashMap<>();
		unfiltered.forEach((k, v) -> {
			if (!k.equals("sort")) {
				p.put(k, v);
			}
		});
		next.addTo(p);
		if (unfiltered.containsKey("sort")) {
			p.put("sort", unfiltered.get("sort"));
		}
		return url(path, p);
	}

	static ProductFilter filter(List<String> channels, String q, List<String> categoryIds, List<String> collectionIds) {
		return new ProductFilter(channels, List.of(), null, q, categoryIds, collectionIds, List.of(), List.of());
	}

	/** The tree depth first, parents before their children. */
	private static List<Category> flatten(List<Category> level, int depth) {
		List<Category> out = new ArrayList<>();
		for (Category c : level) {
			out.add(c);
			if (c.children() != null && depth < 5) {
				out.addAll(flatten(c.children(), depth + 1));
			}
		}
		return out;
	}

	private static boolean anyCounted(Category c, Facets facets) {
		return c.children() != null && c.children().stream()
			.anyMatch(child -> facets.categories().getOrDefault(child.id(), 0L) > 0 || anyCounted(child, facets));
	}

	private static void collect(Category category, List<String> ids) {
		ids.add(category.id());
		if (category.children() != null) {
			category.children().forEach(c -> collect(c, ids));
		}
	}

	private void trail(Category category, List<Crumb> crumbs) {
		List<Crumb> up = new ArrayList<>();
		String parent = category.parentCategoryId();
		int guard = 0;
		while (parent != null && guard++ < 10) {
			String id = parent;
			Optional<Category> found = visits.snapshot().categories().stream().filter(c -> c.id().equals(id)).findFirst();
			if (found.isEmpty()) {
				break;
			}
			up.addFirst(new Crumb(found.get().name(), "/categories/" + found.get().handle()));
			parent = found.get().parentCategoryId();
		}
		crumbs.addAll(up);
		crumbs.add(new Crumb(category.name(), null));
	}

	private static String pageUrl(String path, Map<String, List<String>> params, int page) {
		Map<String, List<String>> p = new LinkedHashMap<>(params);
		if (page > 1) {
			p.put("page", List.of(Integer.toString(page)));
		}
		return url(path, p);
	}

	static String url(String path, Map<String, List<String>> params) {
		StringBuilder url = new StringBuilder(path);
		char sep = '?';
		for (Map.Entry<String, List<String>> e : params.entrySet()) {
			for (String v : e.getValue()) {
				url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
				sep = '&';
			}
		}
		return url.toString();
	}

	/** A single query parameter, tolerant of repeats (the first counts) and of junk (control characters removed). */
	static String one(HttpServletRequest http, String name) {
		String[] values = http.getParameterValues(name);
		if (values == null || values.length == 0) {
			return null;
		}
		return Formats.clean(values[0], 500);
	}

	/** The values of a list parameter (at most 20, each a handle-like word); others are ignored. */
	static List<String> many(HttpServletRequest http, String name) {
		String[] values = http.getParameterValues(name);
		if (values == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String v : values) {
			if (v != null && v.matches("[a-z0-9][a-z0-9-]{0,99}") && !out.contains(v) && out.size() < 20) {
				out.add(v);
			}
		}
		return out;
	}

	static int number(String text, int fallback) {
		if (text == null || !text.matches("-?\\d{1,9}")) {
			return fallback;
		}
		return Integer.parseInt(text);
	}
}
