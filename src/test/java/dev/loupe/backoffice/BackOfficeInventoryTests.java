package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.Product;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.inventory.Reservations;
import dev.loupe.inventory.StockDemand;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockSetup;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.VariantPrice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The variant matrix of a new product, bulk stock changes, reservations and low-stock thresholds over real HTTP:
 * a buyer creates 2 × 3 variants with their titles, options, SKUs, prices and stock; too many or repeated values
 * come back with the form as typed; a warehouse member sets and adjusts the stock of ticked variants (ledger, one
 * audit entry) and is refused, with nothing changed, below what orders hold; reservations show per variant and
 * store-wide; thresholds per level and store-wide drive the "low stock only" list; other roles get 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeInventoryTests {

	private static final String PASSWORD = "a long staff passphrase";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	CatalogAdmin catalog;

	@Autowired
	PriceSetup prices;

	@Autowired
	StockSetup stock;

	@Autowired
	StockLevels levels;

	@Autowired
	Reservations reservations;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	String run;
	final Map<StaffRole, String> emails = new LinkedHashMap<>();

	@BeforeEach
	void staffOfEachRole() {
		run = Ids.next("t").substring(2, 12).toLowerCase(Locale.ROOT);
		for (StaffRole role : List.of(StaffRole.BUYER, StaffRole.WAREHOUSE, StaffRole.ASSOCIATE)) {
			String email = "inv-" + role.code() + "-" + run + "@loupe.test";
			staff.create(email, PASSWORD, role, "Test", role.code());
			emails.put(role, email);
		}
	}

	@AfterEach
	void storeDefaultBack() {
		jdbc.sql("delete from inventory.stock_settings").update();
	}

	private BackOfficeClient signedIn(StaffRole role) {
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(emails.get(role), PASSWORD).status()).isEqualTo(302);
		return client;
	}

	// ---------------------------------------------------------------- the variant matrix

	@Test
	void aBuyerCreatesTwoColoursTimesThreeSizesAsSixVariantsWithPricesAndStock() {
		stock.createLocation("Matrix warehouse " + run, null);
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		buyer.get("/app/products/new");
		Map<String, String> form = new LinkedHashMap<>(Map.of("title", "Matrix tee " + run, "handle", "matrix-" + run,
				"status", "published", "option_title_1", "Colour", "option_values_1", "Black, White",
				"option_title_2", "Size", "option_values_2", "S, M, L", "sku_prefix", "MX" + run.toUpperCase(Locale.ROOT),
				"price_USD", "24.00", "price_EUR", "22.50"));
		form.put("stock", "4");

		Page preview = buyer.submit("/app/products/new/preview", form);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("6 variants will be created").contains("Black / S").contains("White / L")
			.contains("MX" + run.toUpperCase(Locale.ROOT) + "-WHITE-L").doesNotContain("<html");

		Page created = buyer.submit("/app/products/new", form);
		assertThat(created.status()).isEqualTo(302);
		String location = created.header("Location");
		String productId = location.substring(location.indexOf("/app/products/") + "/app/products/".length());
		Product product = catalog.product(productId);
		assertThat(product.options()).extracting(Product.Option::title).containsExactly("Colour", "Size");
		assertThat(product.variants()).extracting(Product.Variant::title).containsExactly("Black / S", "Black / M",
				"Black / L", "White / S", "White / M", "White / L");
		Product.Variant whiteM = product.variants().get(4);
		assertThat(whiteM.sku()).isEqualTo("MX" + run.toUpperCase(Locale.ROOT) + "-WHITE-M");
		assertThat(whiteM.options().stream().collect(Collectors.toMap(Product.OptionValue::optionTitle,
				Product.OptionValue::value))).isEqualTo(Map.of("Colour", "White", "Size", "M"));
		List<String> ids = product.variants().stream().map(Product.Variant::id).toList();
		Map<String, List<VariantPrice>> stored = prices.basePrices(ids);
		for (String id : ids) {
			assertThat(stored.get(id)).extracting(VariantPrice::amount)
				.containsExactlyInAnyOrder(Money.of("24.00", "USD"), Money.of("22.50", "EUR"));
		}
		assertThat(levels.available(ids).values()).hasSize(6).allMatch(q -> q == 4);
		assertThat(jdbc.sql("select (details->>'variants')::int from audit.entry where action = 'product.created'"
				+ " and resource_id = ?").param(productId).query(Integer.class).single()).isEqualTo(6);

		// The product page lists the six variants by their option values.
		assertThat(buyer.get("/app/products/" + productId).body()).contains("Colour: White / Size: M");
	}

	@Test
	void tooManyVariantsRepeatedValuesAndUnnamedOptionsComeBackWithTheForm() {
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		buyer.get("/app/products/new");
		Page tooMany = buyer.submit("/app/products/new", Map.of("title", "Huge " + run, "status", "draft",
				"option_title_1", "A", "option_values_1", "1,2,3,4,5", "option_title_2", "B", "option_values_2", "1,2,3,4,5",
				"option_title_3", "C", "option_values_3", "1,2,3,4,5", "stock", "0"));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("more than 100 variants").contains("value=\"Huge " + run + "\"")
			.contains("value=\"1,2,3,4,5\"");
		Page repeated = buyer.submit("/app/products/new", Map.of("title", "Repeat " + run, "status", "draft",
				"option_title_1", "Size", "option_values_1", "S, M, s", "stock", "0"));
		assertThat(repeated.status()).isEqualTo(400);
		assertThat(repeated.body()).contains("repeats the value s");
		Page unnamed = buyer.submit("/app/products/new", Map.of("title", "Unnamed " + run, "status", "draft",
				"option_values_2", "S, M", "stock", "0"));
		assertThat(unnamed.status()).isEqualTo(400);
		assertThat(unnamed.body()).contains("Name the option");
		Page preview = buyer.submit("/app/products/new/preview", Map.of("option_title_1", "Size", "option_values_1",
				"S, S"));
		assertThat(preview.body()).contains("repeats the value S");
		assertThat(jdbc.sql("select count(*) from catalog.product where title in (?, ?, ?)")
			.params("Huge " + run, "Repeat " + run, "Unnamed " + run).query(Long.class).single()).isZero();

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		warehouse.get("/app/inventory");
		assertThat(warehouse.submit("/app/products/new/preview", Map.of("option_title_1", "Size")).status())
			.isEqualTo(403);
	}

	@Test
	void onTheProductPageABuyerAddsValuesAndMissingCombinationsAndDeletesVariants() {
		String location = stock.createLocation("Grow " + run, null);
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		buyer.get("/app/products/new");
		Map<String, String> form = new LinkedHashMap<>(Map.of("title", "Grow tee " + run, "status", "draft",
				"option_title_1", "Colour", "option_values_1", "Black, White", "option_title_2", "Size",
				"option_values_2", "S, M", "price_USD", "30.00", "stock", "0"));
		Page created = buyer.submit("/app/products/new", form);
		String productId = created.header("Location").substring(created.header("Location").indexOf("prod_"));
		Product product = catalog.product(productId);
		String size = product.options().stream().filter(o -> o.title().equals("Size")).findFirst().orElseThrow().id();

		buyer.get("/app/products/" + productId);
		Page added = buyer.submit("/app/products/" + productId + "/options/" + size, Map.of("values", "L"));
		assertThat(added.status()).isEqualTo(302);
		product = catalog.product(productId);
		assertThat(product.variants()).extracting(Product.Variant::title).containsExactly("Black / S", "Black / M",
				"White / S", "White / M", "Black / L", "White / L");
		String blackL = product.variants().get(4).id();
		assertThat(prices.basePrices(List.of(blackL)).get(blackL)).extracting(VariantPrice::amount)
			.containsExactly(Money.of("30.00", "USD"));
		assertThat(buyer.get("/app/products/" + productId).body()).contains("Added L; 2 variants created.");
		assertThat(buyer.submit("/app/products/" + productId + "/options/" + size, Map.of("values", "m")).status())
			.isEqualTo(302);
		assertThat(buyer.get("/app/products/" + productId).body()).contains("repeats the value m");
		assertThat(catalog.product(productId).variants()).hasSize(6);

		// Delete one (confirmed in a dialog), then add its combination back.
		Page page = buyer.get("/app/products/" + productId);
		assertThat(page.body()).contains("data-dialog=\"delete-variant-" + blackL + "\"");
		assertThat(buyer.submit("/app/products/" + productId + "/variants/" + blackL + "/delete", Map.of()).status())
			.isEqualTo(302);
		assertThat(catalog.product(productId).variants()).extracting(Product.Variant::title).doesNotContain("Black / L");
		page = buyer.get("/app/products/" + productId);
		assertThat(page.body()).contains("1 combination has no variant").contains("<option value=\"Black / L\">");
		assertThat(buyer.submit("/app/products/" + productId + "/variants/new", Map.of("combination", "Black / L"))
			.status()).isEqualTo(302);
		assertThat(catalog.product(productId).variants()).extracting(Product.Variant::title).contains("Black / L");
		buyer.get("/app/products/" + productId);
		buyer.submit("/app/products/" + productId + "/variants/new", Map.of("combination", "Black / S"));
		assertThat(buyer.get("/app/products/" + productId).body()).contains("Choose a combination that has no variant yet.");
		assertThat(jdbc.sql("select count(*) from audit.entry where action in ('product.option_values_added',"
				+ " 'product_variant.deleted', 'product_variant.created') and details->>'product_id' = ? or resource_id = ?"
				+ " and action = 'product.option_values_added'").params(productId, productId).query(Long.class).single())
			.isEqualTo(3);

		// A variant that an open order holds stock of is kept.
		String blackS = catalog.product(productId).variants().getFirst().id();
		stock.setStock(List.of(new StockSetup.Stock(blackS, location, 5)));
		tx.executeWithoutResult(s -> reservations.reserve(Ids.next("order"), List.of(new StockDemand(blackS, 1, false))));
		buyer.get("/app/products/" + productId);
		buyer.submit("/app/products/" + productId + "/variants/" + blackS + "/delete", Map.of());
		assertThat(buyer.get("/app/products/" + productId).body()).contains("Open orders hold stock of Black / S");
		assertThat(catalog.product(productId).variants()).extracting(Product.Variant::id).contains(blackS);

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		warehouse.get("/app/inventory");
		assertThat(warehouse.submit("/app/products/" + productId + "/options/" + size, Map.of("values", "XL")).status())
			.isEqualTo(403);
		assertThat(warehouse.get("/app/products/" + productId).body()).doesNotContain("delete-variant-");
	}

	// ---------------------------------------------------------------- bulk stock

	@Test
	void aWarehouseMemberSetsAndAdjustsTickedVariantsWithOneAuditEntryAndLedgerMovements() {
		String location = stock.createLocation("Bulk " + run, null);
		List<String> ids = product("Bulk " + run, 3);
		stock.setStock(List.of(new StockSetup.Stock(ids.get(0), location, 10), new StockSetup.Stock(ids.get(1), location, 2)));
		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		Page list = warehouse.get("/app/inventory?q=" + URLEncoder.encode("Bulk " + run, StandardCharsets.UTF_8));
		assertThat(list.body()).contains("data-tick-all=\"variant\"").contains("value=\"" + ids.get(2) + "\"")
			.contains("action=\"/app/inventory/bulk\"");

		Page set = warehouse.postRaw("/app/inventory/bulk", variants(ids) + "&mode=set&quantity=7&location_id=" + location
				+ "&reason=" + enc("Cycle count") + "&back=" + enc("/app/inventory?q=Bulk&page=1"));
		assertThat(set.status()).isEqualTo(302);
		assertThat(set.header("Location")).endsWith("/app/inventory?q=Bulk&page=1");
		assertThat(stocked(ids, location)).containsExactly(7, 7, 7);
		assertThat(movements(ids.get(0), "Cycle count")).containsExactly(-3);
		assertThat(movements(ids.get(2), "Cycle count")).containsExactly(7);
		assertThat(warehouse.get("/app/inventory").body()).contains("Set the stock of 3 variants (3 changed).");

		Page adjusted = warehouse.postRaw("/app/inventory/bulk", variants(ids.subList(0, 2))
				+ "&mode=add&quantity=-2&location_id=" + location + "&reason=" + enc("Damaged in transit"));
		assertThat(adjusted.status()).isEqualTo(302);
		assertThat(stocked(ids, location)).containsExactly(5, 5, 7);
		assertThat(movements(ids.get(1), "Damaged in transit")).containsExactly(-2);

		List<Map<String, Object>> audits = jdbc.sql("""
				select details->>'mode' as mode, (details->>'variants')::int as variants, (details->>'changed')::int as changed
				from audit.entry where action = 'inventory.bulk_adjusted' and resource_id = ? order by id""")
			.param(location).query().listOfRows();
		assertThat(audits).hasSize(2);
		assertThat(audits.get(0)).containsEntry("mode", "set").containsEntry("variants", 3).containsEntry("changed", 3);
		assertThat(audits.get(1)).containsEntry("mode", "add").containsEntry("variants", 2);
	}

	@Test
	void aBulkSetBelowWhatOrdersHoldIsRefusedAndNothingChanges() {
		String location = stock.createLocation("Held " + run, null);
		List<String> ids = product("Held " + run, 2);
		stock.setStock(List.of(new StockSetup.Stock(ids.get(0), location, 10), new StockSetup.Stock(ids.get(1), location, 10)));
		String order = Ids.next("order");
		tx.executeWithoutResult(s -> reservations.reserve(order, List.of(new StockDemand(ids.get(1), 4, false))));
		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		warehouse.get("/app/inventory");
		Page refused = warehouse.postRaw("/app/inventory/bulk", variants(ids) + "&mode=set&quantity=3&location_id="
				+ location + "&reason=" + enc("Count"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(stocked(ids, location)).containsExactly(10, 10);
		assertThat(movements(ids.get(0), "Count")).isEmpty();
		assertThat(warehouse.get("/app/inventory").body()).contains("4 are reserved for orders").contains("Nothing was changed.");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'inventory.bulk_adjusted' and resource_id = ?")
			.param(location).query(Long.class).single()).isZero();

		// Bad input: no variants, a bad quantity, a location that does not exist, no reason.
		for (String body : List.of("mode=set&quantity=3&location_id=" + location + "&reason=x",
				variants(ids) + "&mode=set&quantity=-3&location_id=" + location + "&reason=x",
				variants(ids) + "&mode=add&quantity=abc&location_id=" + location + "&reason=x",
				variants(ids) + "&mode=set&quantity=3&location_id=sloc_nope&reason=x",
				variants(ids) + "&mode=set&quantity=3&location_id=" + location + "&reason=",
				"variant=variant_nope&mode=set&quantity=3&location_id=" + location + "&reason=x")) {
			warehouse.get("/app/inventory");
			assertThat(warehouse.postRaw("/app/inventory/bulk", body).status()).as(body).isEqualTo(302);
			assertThat(warehouse.get("/app/inventory").body()).as(body).contains("flash error");
		}
		assertThat(stocked(ids, location)).containsExactly(10, 10);

		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		buyer.get("/app/inventory");
		assertThat(buyer.postRaw("/app/inventory/bulk", variants(ids) + "&mode=set&quantity=3&location_id=" + location
				+ "&reason=x").status()).isEqualTo(403);
		assertThat(buyer.get("/app/inventory").body()).doesNotContain("action=\"/app/inventory/bulk\"");
	}

	// ---------------------------------------------------------------- reservations

	@Test
	void reservationsShowOnTheVariantAndInTheStoreWideListWithALinkToTheOrder() {
		String location = stock.createLocation("Reserved " + run, null);
		List<String> ids = product("Reserved " + run, 1);
		stock.setStock(List.of(new StockSetup.Stock(ids.get(0), location, 9)));
		String order = Ids.next("order");
		tx.executeWithoutResult(s -> reservations.reserve(order, List.of(new StockDemand(ids.get(0), 3, false))));

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		Page variant = warehouse.get("/app/inventory/" + ids.get(0));
		assertThat(variant.body()).contains("Open reservations").contains("href=\"/app/orders/" + order + "\"")
			.contains("1 reservation, 3 units");
		Page list = warehouse.get("/app/inventory/reservations");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("href=\"/app/orders/" + order + "\"").contains("Reserved " + run)
			.contains("Reserved " + run + "</div>");
		assertThat(warehouse.get("/app/inventory/reservations?page=0").status()).isEqualTo(400);

		// A buyer may see stock but not orders: the reference shows without a link.
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		assertThat(buyer.get("/app/inventory/" + ids.get(0)).body()).contains(order)
			.doesNotContain("href=\"/app/orders/" + order + "\"");

		tx.executeWithoutResult(s -> reservations.release(order, "canceled"));
		assertThat(warehouse.get("/app/inventory/" + ids.get(0)).body()).contains("No order holds this variant now.");
	}

	// ---------------------------------------------------------------- thresholds

	@Test
	void thresholdsPerLevelAndStoreWideDecideTheLowStockOnlyList() {
		String location = stock.createLocation("Thresholds " + run, null);
		List<String> ids = product("Thresholds " + run, 2);
		stock.setStock(List.of(new StockSetup.Stock(ids.get(0), location, 30), new StockSetup.Stock(ids.get(1), location, 30)));
		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		assertThat(lowList(warehouse)).doesNotContain(ids.get(0)).doesNotContain(ids.get(1));

		warehouse.get("/app/inventory/" + ids.get(0));
		Page set = warehouse.submit("/app/inventory/" + ids.get(0) + "/threshold", Map.of("location_id", location,
				"threshold", "40"));
		assertThat(set.status()).isEqualTo(302);
		assertThat(warehouse.get("/app/inventory/" + ids.get(0)).body()).contains("Low stock at 40 or fewer.")
			.contains("value=\"40\"").contains("Low stock");
		assertThat(lowList(warehouse)).contains(ids.get(0)).doesNotContain(ids.get(1));
		assertThat(jdbc.sql("select details->>'to_threshold' from audit.entry where action = 'inventory.threshold_changed'"
				+ " and resource_id = ?").param(ids.get(0)).query(String.class).single()).isEqualTo("40");

		// Refused thresholds change nothing.
		warehouse.get("/app/inventory/" + ids.get(0));
		warehouse.submit("/app/inventory/" + ids.get(0) + "/threshold", Map.of("location_id", location, "threshold", "-1"));
		assertThat(warehouse.get("/app/inventory/" + ids.get(0)).body()).contains("Enter the threshold as a whole number");
		warehouse.submit("/app/inventory/" + ids.get(0) + "/threshold", Map.of("location_id", "sloc_nope", "threshold", "1"));
		assertThat(jdbc.sql("select low_stock_threshold from inventory.inventory_level where variant_id = ?")
			.param(ids.get(0)).query(Integer.class).single()).isEqualTo(40);

		// The store-wide default raised above 30 makes the second one low too; emptied, the first follows it again.
		warehouse.get("/app/inventory");
		assertThat(warehouse.submit("/app/inventory/default-threshold", Map.of("threshold", "31")).status()).isEqualTo(302);
		assertThat(warehouse.get("/app/inventory").body()).contains("low at 31 or fewer");
		assertThat(lowList(warehouse)).contains(ids.get(0)).contains(ids.get(1));
		warehouse.submit("/app/inventory/default-threshold", Map.of("threshold", "lots"));
		assertThat(warehouse.get("/app/inventory").body()).contains("Enter the threshold as a whole number");
		warehouse.submit("/app/inventory/default-threshold", Map.of("threshold", "0"));
		warehouse.get("/app/inventory/" + ids.get(0));
		warehouse.submit("/app/inventory/" + ids.get(0) + "/threshold", Map.of("location_id", location, "threshold", ""));
		assertThat(lowList(warehouse)).doesNotContain(ids.get(0)).doesNotContain(ids.get(1));
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'inventory.default_threshold_changed'"
				+ " and details->>'to_threshold' = '31'").query(Long.class).single()).isGreaterThanOrEqualTo(1);

		// The dashboard's low-stock list links to the filtered inventory.
		warehouse.submit("/app/inventory/default-threshold", Map.of("threshold", "100"));
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		assertThat(buyer.get("/app").body()).contains("href=\"/app/inventory?low=1\"");
		buyer.get("/app/inventory/" + ids.get(0));
		assertThat(buyer.submit("/app/inventory/" + ids.get(0) + "/threshold", Map.of("location_id", location,
				"threshold", "1")).status()).isEqualTo(403);
		assertThat(buyer.submit("/app/inventory/default-threshold", Map.of("threshold", "1")).status()).isEqualTo(403);
	}

	@Test
	void aDeletedProductsReservationsAndLowStockStillLetTheListsOpen() {
		String location = stock.createLocation("Shelf " + run, null);
		List<String> ids = product("Gone " + run, 1);
		stock.setStock(List.of(new StockSetup.Stock(ids.get(0), location, 1)));
		String order = Ids.next("order");
		tx.executeWithoutResult(s -> reservations.reserve(order, List.of(new StockDemand(ids.get(0), 1, false))));
		catalog.deleteProduct(catalog.productOfVariant(ids.get(0)));

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		Page list = warehouse.get("/app/inventory/reservations");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("(deleted product)").contains("href=\"/app/orders/" + order + "\"");
		assertThat(lowList(warehouse)).doesNotContain("Gone " + run);
		assertThat(warehouse.get("/app/inventory/" + ids.get(0)).status()).isEqualTo(404);
	}

	/** Every page of the "low stock only" list, joined. */
	private String lowList(BackOfficeClient client) {
		StringBuilder all = new StringBuilder();
		for (int page = 1; page <= 50; page++) {
			Page p = client.get("/app/inventory?low=1&page=" + page);
			assertThat(p.status()).isEqualTo(200);
			all.append(p.body());
			if (!p.body().contains("rel=\"next\"")) {
				break;
			}
		}
		return all.toString();
	}

	private List<String> product(String title, int variants) {
		List<Map<String, Object>> bodies = new java.util.ArrayList<>();
		for (int i = 1; i <= variants; i++) {
			bodies.add(Map.of("title", "V" + i, "options", Map.of("N", "v" + i)));
		}
		ImportedProduct created = catalog.createProduct(Input.of(Map.of("title", title, "options",
				List.of(Map.of("title", "N", "values", bodies.stream().map(b -> ((Map<?, ?>) b.get("options")).get("N"))
					.toList())), "variants", bodies)), List.of());
		return created.variantIds();
	}

	private static String variants(List<String> ids) {
		return ids.stream().map(id -> "variant=" + id).collect(Collectors.joining("&"));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private List<Integer> stocked(List<String> ids, String location) {
		return ids.stream().map(id -> jdbc.sql("""
				select coalesce((select stocked_quantity from inventory.inventory_level where variant_id = ? and location_id = ?), 0)""")
			.params(id, location).query(Integer.class).single()).toList();
	}

	private List<Integer> movements(String variantId, String reason) {
		return jdbc.sql("select stocked_delta from inventory.movement where variant_id = ? and reason = ? order by id")
			.params(variantId, reason).query(Integer.class).list();
	}
}
