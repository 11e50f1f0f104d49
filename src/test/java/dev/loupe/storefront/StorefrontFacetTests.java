package dev.loupe.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.Markets;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The listing facets over real HTTP: option values (OR within an option, AND across options, on one variant), price
 * range and "in stock only" in the region's prices, sorting by price, and junk filter input. Four products of their
 * own collection, so the demo catalogue and other tests do not disturb the counts:
 *
 * <pre>
 * Alpha    Red/S $10 (0 in stock)  Blue/M $30 (5 in stock)        cheapest $10
 * Bravo    Red/L $50 (0 in stock, no back-orders)                 $50, out of stock
 * Charlie  Green/M $20 (inventory not tracked)                    $20
 * Delta    Blue/S $40, on sale at $15 (0 in stock, back-orders)   $15
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StorefrontFacetTests {

	static String run;
	static String collection;

	@LocalServerPort
	int port;

	@Autowired
	CatalogImport catalog;

	@Autowired
	PriceSetup pricing;

	@Autowired
	StockSetup stock;

	@Autowired
	Markets markets;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void catalogue() {
		if (run != null) {
			return;
		}
		String tag = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
		collection = "facets-" + tag;
		catalog.createCollection(collection, "Facet check " + tag);
		String channel = markets.firstSalesChannelId().orElseThrow();
		List<ProductDraft> drafts = List.of(
				draft(tag, "Alpha", List.of(variant("Red", "S", true, false), variant("Blue", "M", true, false))),
				draft(tag, "Bravo", List.of(variant("Red", "L", true, false))),
				draft(tag, "Charlie", List.of(variant("Green", "M", false, false))),
				draft(tag, "Delta", List.of(variant("Blue", "S", true, true))));
		List<ImportedProduct> made = catalog.importProducts(drafts, List.of(channel));
		String alphaRed = made.get(0).variantIds().get(0);
		String alphaBlue = made.get(0).variantIds().get(1);
		String bravo = made.get(1).variantIds().getFirst();
		String charlie = made.get(2).variantIds().getFirst();
		String delta = made.get(3).variantIds().getFirst();
		pricing.addPrices(List.of(usd(alphaRed, "10"), usd(alphaBlue, "30"), usd(bravo, "50"), usd(charlie, "20"),
				usd(delta, "40")));
		pricing.createSale("Facet sale " + tag, null, Instant.now().minus(Duration.ofHours(1)), null,
				List.of(usd(delta, "15")));
		String location = stock.createLocation("Facet shelf " + tag, null);
		stock.setStock(List.of(new StockSetup.Stock(alphaRed, location, 0), new StockSetup.Stock(alphaBlue, location, 5),
				new StockSetup.Stock(bravo, location, 0), new StockSetup.Stock(delta, location, 0)));
		run = tag;
	}

	private static ProductDraft.Variant variant(String colour, String size, boolean managed, boolean backorder) {
		return new ProductDraft.Variant(colour + " / " + size, null, null, Map.of("Colour", colour, "Size", size), managed,
				backorder, null);
	}

	private ProductDraft draft(String tag, String name, List<ProductDraft.Variant> variants) {
		List<String> colours = variants.stream().map(v -> v.options().get("Colour")).distinct().toList();
		List<String> sizes = variants.stream().map(v -> v.options().get("Size")).distinct().toList();
		return new ProductDraft("facet-" + name.toLowerCase(Locale.ROOT) + "-" + tag, "Facet " + name + " " + tag, null,
				"A product for the facet tests.", ProductKind.STANDARD, true, null, List.of(), null, null, null, null, null,
				List.of(), collection, List.of(), List.of(new ProductDraft.Option("Colour", colours),
						new ProductDraft.Option("Size", sizes)), variants, Map.of());
	}

	private static PriceDraft usd(String variant, String amount) {
		return PriceDraft.of(variant, Money.of(amount, "USD"));
	}

	String listing(String query) {
		return "/collections/" + collection + (query.isEmpty() ? "" : "?" + query);
	}

	@Test
	void optionValuesAreOrWithinAnOptionAndAndAcrossOptionsOnOneVariant() {
		assertThat(names(listing(""))).containsExactlyInAnyOrder("Alpha", "Bravo", "Charlie", "Delta");
		assertThat(names(listing("option=Colour:Red"))).containsExactlyInAnyOrder("Alpha", "Bravo");
		assertThat(names(listing("option=Colour:Red&option=Colour:Green")))
			.containsExactlyInAnyOrder("Alpha", "Bravo", "Charlie");
		// Alpha is blue in M, Delta is blue only in S.
		assertThat(names(listing("option=Colour:Blue&option=Size:M"))).containsExactly("Alpha");
		// Alpha comes in red and in M, but not as one variant.
		assertThat(names(listing("option=Colour:Red&option=Size:M"))).isEmpty();
		assertThat(names(listing("option=Size:M&option=Size:L"))).containsExactlyInAnyOrder("Alpha", "Bravo", "Charlie");
	}

	@Test
	void optionFacetsCountProductsAndLeaveAnOptionsOwnChoiceOutOfItsCounts() {
		String all = get(listing("")).body();
		assertThat(facet(all, "Colour")).containsEntry("Red", 2L).containsEntry("Blue", 2L).containsEntry("Green", 1L)
			.hasSize(3);
		assertThat(facet(all, "Size")).containsEntry("S", 2L).containsEntry("M", 2L).containsEntry("L", 1L).hasSize(3);
		String red = get(listing("option=Colour:Red")).body();
		assertThat(facet(red, "Colour")).as("the other colours stay choosable").containsEntry("Red", 2L)
			.containsEntry("Blue", 2L).containsEntry("Green", 1L);
		assertThat(facet(red, "Size")).as("sizes of red variants").containsEntry("S", 1L).containsEntry("L", 1L)
			.doesNotContainKey("M");
		assertThat(red).contains("aria-label=\"Remove filter Colour: Red\"");
		// The chosen value links to the listing without it; another value adds to it.
		assertThat(red).contains("href=\"" + listing("") + "\" rel=\"nofollow\" class=\"active\"");
		assertThat(red).contains("href=\"" + listing("option=Colour%3ARed&amp;option=Colour%3ABlue") + "\"");
	}

	@Test
	void priceRangeUsesTheRegionsPriceIncludingSales() {
		assertThat(names(listing("min_price=15&max_price=30"))).containsExactlyInAnyOrder("Alpha", "Charlie", "Delta");
		assertThat(names(listing("max_price=14.99"))).containsExactly("Alpha");
		assertThat(names(listing("min_price=31"))).as("Delta is on sale at $15").containsExactly("Bravo");
		// Bounds the wrong way round are swapped.
		assertThat(names(listing("min_price=30&max_price=15"))).containsExactlyInAnyOrder("Alpha", "Charlie", "Delta");
		String page = get(listing("min_price=15&max_price=30")).body();
		assertThat(page).contains("$15.00 – $30.00").contains("name=\"min_price\" value=\"15\"")
			.contains("name=\"max_price\" value=\"30\"");
		// Options and price together: a blue variant between $20 and $35 is Alpha's.
		assertThat(names(listing("option=Colour:Blue&min_price=20&max_price=35"))).containsExactly("Alpha");
	}

	@Test
	void inStockOnlyCountsStockBackOrdersAndUntrackedInventory() {
		assertThat(names(listing("in_stock=1"))).containsExactlyInAnyOrder("Alpha", "Charlie", "Delta");
		// Alpha's red variant has no stock: red and in stock is nothing.
		assertThat(names(listing("in_stock=1&option=Colour:Red"))).isEmpty();
		assertThat(facet(get(listing("in_stock=1")).body(), "Colour")).containsEntry("Blue", 2L)
			.containsEntry("Green", 1L).doesNotContainKey("Red");
		assertThat(get(listing("in_stock=1")).body()).contains("aria-label=\"Remove filter In stock\"");
	}

	@Test
	void sortingByPriceUsesTheCheapestVariantInTheRegion() {
		assertThat(names(listing("sort=price"))).containsExactly("Alpha", "Delta", "Charlie", "Bravo");
		assertThat(names(listing("sort=-price"))).containsExactly("Bravo", "Charlie", "Delta", "Alpha");
		assertThat(names(listing("sort=price&option=Colour:Blue"))).containsExactly("Alpha", "Delta");
		String page = get(listing("sort=-price&in_stock=1")).body();
		assertThat(names(page, true)).containsExactly("Charlie", "Delta", "Alpha");
		// Sorting keeps the filters, filtering keeps the sort; the canonical URL has neither.
		assertThat(page).contains("href=\"" + listing("in_stock=1&amp;sort=price") + "\"")
			.contains("href=\"" + listing("option=Colour%3ABlue&amp;in_stock=1&amp;sort=-price") + "\"")
			.contains("<link rel=\"canonical\" href=\"http://localhost:" + port + listing("") + "\">")
			.contains("<input type=\"hidden\" name=\"in_stock\" value=\"1\">")
			.contains("<input type=\"hidden\" name=\"sort\" value=\"-price\">");
	}

	@Test
	void searchAndPagingKeepTheFilters() {
		assertThat(names("/search?q=" + run + "&option=Colour:Red&sort=price")).containsExactly("Alpha", "Bravo");
		String all = get("/search?option=Colour:Red&in_stock=1&sort=price").body();
		// Page links of a filtered listing carry the filter.
		Matcher next = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(all);
		if (next.find()) {
			assertThat(next.group(1)).contains("option=Colour%3ARed").contains("in_stock=1").contains("sort=price")
				.contains("page=2");
		}
	}

	@Test
	void junkFilterInputIsIgnoredNeverAFailure() {
		List<String> everything = List.of("Alpha", "Bravo", "Charlie", "Delta");
		for (String query : new String[] { "min_price=abc", "min_price=-5", "max_price=1e9", "min_price=%00",
				"option=Flavour:Mint", "option=Colour", "option=:Red", "option=Colour:", "option=%00%01:%00",
				"max_price=99999999999999999999", "in_stock=maybe", "sort=price%00", "option=" + "x".repeat(5000) }) {
			Answer a = get(listing(query));
			assertThat(a.status()).as(query).isEqualTo(200);
			assertThat(names(a.body(), true)).as(query).containsExactlyInAnyOrderElementsOf(everything);
		}
		// NUL bytes are dropped from an option, which then still names Colour: Red.
		assertThat(names(listing("option=Col%00our:Re%00d"))).containsExactlyInAnyOrder("Alpha", "Bravo");
		// An unknown value of a known option matches nothing, and the page says how to get back.
		Answer none = get(listing("option=Colour:Purple"));
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body()).contains("No products found").contains("Clear filters");
		StringBuilder many = new StringBuilder("option=Colour:Red");
		for (int i = 0; i < 10_000; i++) {
			many.append("&option=Colour:V").append(i);
		}
		Answer flood = get(listing(many.toString()));
		assertThat(flood.status()).as("10,000 option values").isIn(200, 400);
		assertThat(get("/search?min_price=abc&option=Size:XXL&in_stock=1").status()).isEqualTo(200);
	}

	private List<String> names(String path) {
		Answer a = get(path);
		assertThat(a.status()).as(path).isEqualTo(200);
		return names(a.body(), true);
	}

	/** The names of this run's products in the grid, in order ("Alpha" for "Facet Alpha <run>"). */
	private List<String> names(String html, boolean ignored) {
		List<String> out = new ArrayList<>();
		Matcher m = Pattern.compile("<h3 class=\"card-title\">Facet (\\w+) " + run + "</h3>").matcher(html);
		while (m.find()) {
			out.add(m.group(1));
		}
		return out;
	}

	/** The values and counts the filter panel shows for an option. */
	private static Map<String, Long> facet(String html, String title) {
		Matcher list = Pattern.compile("<ul class=\"facets\" data-option=\"" + title + "\">(.*?)</ul>", Pattern.DOTALL)
			.matcher(html);
		Map<String, Long> out = new java.util.LinkedHashMap<>();
		if (list.find()) {
			Matcher v = Pattern.compile("</span>([^<]+) <span class=\"muted\">\\((\\d+)\\)</span>").matcher(list.group(1));
			while (v.find()) {
				out.put(v.group(1), Long.parseLong(v.group(2)));
			}
		}
		return out;
	}

	Answer get(String path) {
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	record Answer(int status, String body) {
	}
}
