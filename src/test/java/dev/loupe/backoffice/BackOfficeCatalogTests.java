package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import java.util.LinkedHashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Categories, collections and a product's organisation over real HTTP as a buyer: the tree with indentation and
 * counts, a move that would make a cycle refused, hostile fields refused with the form again, deletion detaching
 * products, every change audited, and roles without the catalogue's write permission refused with the 403 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeCatalogTests {

	private static final String PASSWORD = "a long staff passphrase";
	private static final Pattern CATEGORY_ID = Pattern.compile("/app/categories#(pcat_[A-Za-z0-9_]+)");

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	CatalogAdmin catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.loupe.pricing.PriceSetup prices;

	String run;
	final Map<StaffRole, String> emails = new LinkedHashMap<>();

	@BeforeEach
	void staffOfEachRole() {
		run = Ids.next("t").substring(2, 12).toLowerCase(Locale.ROOT);
		for (StaffRole role : List.of(StaffRole.BUYER, StaffRole.WAREHOUSE, StaffRole.ASSOCIATE)) {
			String email = "cat-" + role.code() + "-" + run + "@loupe.test";
			staff.create(email, PASSWORD, role, "Test", role.code());
			emails.put(role, email);
		}
	}

	private BackOfficeClient signedIn(StaffRole role) {
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(emails.get(role), PASSWORD).status()).isEqualTo(302);
		return client;
	}

	@Test
	void aBuyerBuildsTheTreeOrganisesAProductAndDeletesWithoutLosingProducts() {
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		assertThat(buyer.get("/app/categories").status()).isEqualTo(200);

		String parent = createCategory(buyer, Map.of("name", "Frames " + run, "handle", "frames-" + run));
		String child = createCategory(buyer, Map.of("name", "Round " + run, "parent_category_id", parent,
				"description", "Round frames"));
		Page list = buyer.get("/app/categories");
		assertThat(list.body()).contains("Frames " + run).contains("Round " + run).contains("padding-left:22px");
		assertThat(jdbc.sql("select mpath from catalog.product_category where id = ?").param(child).query(String.class)
			.single()).isEqualTo(parent + "." + child);

		// Hostile and impossible edits: the form again with the reason, a 4xx, nothing changed.
		buyer.get("/app/categories/" + parent);
		Page cycle = buyer.submit("/app/categories/" + parent, Map.of("name", "Frames " + run, "handle",
				"frames-" + run, "parent_category_id", child));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.body()).contains("cannot be moved under itself or one of its descendants");
		assertThat(buyer.submit("/app/categories/" + parent, Map.of("name", "Frames\0", "handle", "frames-" + run))
			.status()).isEqualTo(400);
		assertThat(buyer.submit("/app/categories/" + parent, Map.of("name", "Frames", "handle", "Not A Handle"))
			.body()).contains("handle");
		assertThat(buyer.submit("/app/categories", Map.of("name", "x".repeat(501))).status()).isEqualTo(400);
		assertThat(buyer.submit("/app/categories", Map.of("name", "Dup", "handle", "frames-" + run)).status())
			.isBetween(400, 499);
		assertThat(buyer.get("/app/categories/nope%00").status()).isIn(400, 404);
		assertThat(jdbc.sql("select parent_category_id from catalog.product_category where id = ?").param(parent)
			.query(String.class).optional()).isEmpty();

		// Rename and move the child to the top level.
		Page moved = buyer.submit("/app/categories/" + child, Map.of("name", "Round frames " + run, "handle",
				"round-" + run, "parent_category_id", "", "description", "Round ones"));
		assertThat(moved.status()).isEqualTo(302);
		assertThat(jdbc.sql("select mpath || '|' || handle || '|' || name from catalog.product_category where id = ?")
			.param(child).query(String.class).single()).isEqualTo(child + "|round-" + run + "|Round frames " + run);

		// A collection, and a product put in the category, the collection and two tags.
		buyer.get("/app/collections");
		assertThat(buyer.submit("/app/collections", Map.of("title", "Summer " + run, "handle", "summer-" + run))
			.status()).isEqualTo(302);
		String collection = jdbc.sql("select id from catalog.product_collection where handle = ?").param("summer-" + run)
			.query(String.class).single();
		ImportedProduct product = catalog.createProduct(Input.of(Map.of("title", "Organised " + run, "variants",
				List.of(Map.of("title", "One")))), List.of());
		buyer.get("/app/products/" + product.productId());
		Page organised = buyer.submit("/app/products/" + product.productId() + "/organize", Map.of("category", child,
				"collection_id", collection, "tags", "titanium, light ,titanium"));
		assertThat(organised.status()).isEqualTo(302);
		var p = catalog.product(product.productId());
		assertThat(p.categories()).extracting("id").containsExactly(child);
		assertThat(p.collection().id()).isEqualTo(collection);
		assertThat(p.tags()).extracting("value").containsExactlyInAnyOrder("titanium", "light");
		assertThat(buyer.get("/app/products/" + product.productId()).body()).contains("Save organisation")
			.contains("value=\"" + child + "\" checked");
		assertThat(buyer.get("/app/categories").body()).containsPattern("Round frames " + run
				+ "</a></span></td>\\s*<td class=\"mono muted\">round-" + run + "</td>\\s*<td class=\"num\">1</td>");
		assertThat(buyer.get("/app/collections").body()).containsPattern("summer-" + run
				+ "</td>\\s*<td class=\"num\">1</td>");
		assertThat(buyer.submit("/app/products/" + product.productId() + "/organize", Map.of("category", "pcat_missing"))
			.status()).isEqualTo(404);
		assertThat(buyer.submit("/app/products/" + product.productId() + "/organize", Map.of("category", "a'b"))
			.status()).isEqualTo(404);
		assertThat(buyer.submit("/app/products/" + product.productId() + "/organize", Map.of("tags", "x".repeat(201)))
			.status()).isEqualTo(400);

		// Deleting: a category with subcategories is refused; an empty one or one with products goes, products stay.
		Page grandchild = buyer.submit("/app/categories", Map.of("name", "Under " + run, "parent_category_id", child));
		assertThat(grandchild.status()).isEqualTo(302);
		Page refused = buyer.submit("/app/categories/" + child + "/delete", Map.of());
		assertThat(refused.status()).isBetween(400, 499);
		assertThat(refused.body()).contains("subcategories");
		String under = jdbc.sql("select id from catalog.product_category where parent_category_id = ? and deleted_at is null")
			.param(child).query(String.class).single();
		assertThat(buyer.submit("/app/categories/" + under + "/delete", Map.of()).status()).isEqualTo(302);
		Page deleted = buyer.submit("/app/categories/" + child + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(buyer.get("/app/categories").body()).contains("stay in the catalogue");
		buyer.get("/app/collections/" + collection);
		assertThat(buyer.submit("/app/collections/" + collection + "/delete", Map.of()).status()).isEqualTo(302);
		p = catalog.product(product.productId());
		assertThat(p.categories()).isEmpty();
		assertThat(p.collection()).isNull();

		for (String[] entry : List.of(new String[] { "category.created", parent }, new String[] { "category.updated", child },
				new String[] { "category.deleted", child }, new String[] { "collection.created", collection },
				new String[] { "collection.deleted", collection }, new String[] { "product.updated", product.productId() })) {
			assertThat(jdbc.sql("select count(*) from audit.entry where action = ? and resource_id = ? and actor_type = 'staff'"
					+ " and details->>'from' = '127.0.0.1'").params(entry[0], entry[1]).query(Long.class).single())
				.as(entry[0]).isEqualTo(1);
		}
	}

	@Test
	void rolesWithoutTheCatalogueWritePermissionMayLookButNotChange() {
		String category = catalog.createCategory(Input.of(Map.of("name", "Look " + run)));
		ImportedProduct product = catalog.createProduct(Input.of(Map.of("title", "Look " + run, "variants",
				List.of(Map.of("title", "One")))), List.of());
		for (StaffRole role : List.of(StaffRole.WAREHOUSE, StaffRole.ASSOCIATE)) {
			BackOfficeClient client = signedIn(role);
			assertThat(client.get("/app/categories").status()).isEqualTo(200);
			Page page = client.get("/app/categories/" + category);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("Save category").doesNotContain("Delete category");
			assertThat(client.get("/app/products/" + product.productId()).body()).doesNotContain("Save organisation");
			for (String path : List.of("/app/categories", "/app/categories/" + category, "/app/categories/" + category
					+ "/delete", "/app/collections", "/app/products/" + product.productId() + "/organize")) {
				Page refused = client.submit(path, Map.of("name", "Hacked", "title", "Hacked", "category", category));
				assertThat(refused.status()).as(role + " " + path).isEqualTo(403);
				assertThat(refused.body()).contains("You don't have access to this");
			}
		}
		assertThat(catalog.category(category).name()).isEqualTo("Look " + run);
		assertThat(catalog.product(product.productId()).categories()).isEmpty();
	}

	@Test
	void bulkChangesPublishAndRepriceTheTickedProductsOnly() {
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ImportedProduct p = catalog.createProduct(Input.of(Map.of("title", "Bulk " + i + " " + run, "variants",
					List.of(Map.of("title", "One")))), List.of());
			ids.add(p.productId());
			prices.replaceBasePrices(p.variantIds().getFirst(), List.of(
					dev.loupe.pricing.PriceDraft.of(p.variantIds().getFirst(), dev.loupe.platform.Money.of("10.00", "USD")),
					dev.loupe.pricing.PriceDraft.of(p.variantIds().getFirst(), dev.loupe.platform.Money.of("9.00", "EUR"))));
		}
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		assertThat(buyer.get("/app/products").body()).contains("Apply to ticked");
		Page published = buyer.submit("/app/products/bulk", Map.of("action", "publish", "product", ids.get(0)));
		assertThat(published.status()).isEqualTo(302);
		assertThat(catalog.product(ids.get(0)).status()).isEqualTo("published");
		assertThat(catalog.product(ids.get(1)).status()).isEqualTo("draft");

		// +15% on USD for the first two: 10.00 → 11.50; EUR and the third product unchanged.
		String form = "action=adjust&currency=USD&value=15&product=" + ids.get(0) + "&product=" + ids.get(1);
		Page adjusted = buyer.postRaw("/app/products/bulk", form);
		assertThat(adjusted.status()).isEqualTo(302);
		assertThat(usd(ids.get(0))).isEqualByComparingTo("11.50");
		assertThat(usd(ids.get(1))).isEqualByComparingTo("11.50");
		assertThat(usd(ids.get(2))).isEqualByComparingTo("10.00");
		assertThat(buyer.postRaw("/app/products/bulk", "action=adjust&currency=USD&value=-10&product=" + ids.get(0))
			.status()).isEqualTo(302);
		assertThat(usd(ids.get(0))).isEqualByComparingTo("10.35");
		assertThat(buyer.postRaw("/app/products/bulk", "action=set&currency=USD&value=24.00&product=" + ids.get(2))
			.status()).isEqualTo(302);
		assertThat(usd(ids.get(2))).isEqualByComparingTo("24.00");

		// Refusals: nothing ticked, a bad percentage, beyond -90%, a bad amount, an unknown currency or action.
		for (String bad : List.of("action=publish", "action=adjust&currency=USD&value=ten&product=" + ids.get(0),
				"action=adjust&currency=USD&value=-95&product=" + ids.get(0),
				"action=set&currency=USD&value=-1&product=" + ids.get(0),
				"action=set&currency=XXX&value=1&product=" + ids.get(0), "action=delete&product=" + ids.get(0),
				"action=publish&product=a%00b", "action=publish&product=prod_missing")) {
			Page refused = buyer.postRaw("/app/products/bulk", bad);
			assertThat(refused.status()).as(bad).isBetween(400, 404);
		}
		assertThat(usd(ids.get(0))).isEqualByComparingTo("10.35");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'product.updated' and resource_id = ?"
				+ " and details->>'bulk' = 'adjust'").param(ids.get(1)).query(Long.class).single()).isEqualTo(1);

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		assertThat(warehouse.get("/app/products").body()).doesNotContain("Apply to ticked");
		assertThat(warehouse.postRaw("/app/products/bulk", "action=publish&product=" + ids.get(1)).status())
			.isEqualTo(403);
		assertThat(catalog.product(ids.get(1)).status()).isEqualTo("draft");
	}

	@Test
	void imagesAreUploadedReorderedAndDeletedOnTheProductPage() {
		ImportedProduct product = catalog.createProduct(Input.of(Map.of("title", "Pictured " + run, "variants",
				List.of(Map.of("title", "One")))), List.of());
		String page = "/app/products/" + product.productId();
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		buyer.get(page);
		byte[] png = java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(buyer.upload(page + "/images", "image", "a.png", png).status()).isEqualTo(302);
		assertThat(buyer.upload(page + "/images", "image", "b.gif", gif).status()).isEqualTo(302);
		Page notImage = buyer.upload(page + "/images", "image", "evil.png", "<script>alert(1)</script>".getBytes());
		assertThat(notImage.status()).isEqualTo(400);
		assertThat(notImage.body()).contains("Upload a JPEG, PNG, GIF or WebP image");
		var images = catalog.product(product.productId()).images();
		assertThat(images).hasSize(2);
		String first = images.stream().filter(i -> i.rank() == 0).findFirst().orElseThrow().url();
		String second = images.stream().filter(i -> i.rank() == 1).findFirst().orElseThrow().url();
		assertThat(first).startsWith("/files/products/").endsWith(".png");
		assertThat(catalog.product(product.productId()).thumbnail()).isEqualTo(first);
		assertThat(new BackOfficeClient(port).get(first).status()).isEqualTo(200);

		String secondId = images.stream().filter(i -> i.rank() == 1).findFirst().orElseThrow().id();
		buyer.get(page);
		assertThat(buyer.submit(page + "/images/" + secondId + "/move", Map.of("direction", "up")).status()).isEqualTo(302);
		var moved = catalog.product(product.productId());
		assertThat(moved.thumbnail()).isEqualTo(second);
		String newFirst = moved.images().stream().filter(i -> i.rank() == 0).findFirst().orElseThrow().id();
		assertThat(buyer.submit(page + "/images/" + newFirst + "/move", Map.of("direction", "sideways")).status())
			.isEqualTo(400);
		assertThat(buyer.submit(page + "/images/img_missing/delete", Map.of()).status()).isEqualTo(404);
		assertThat(buyer.submit(page + "/images/" + newFirst + "/delete", Map.of()).status()).isEqualTo(302);
		var left = catalog.product(product.productId());
		assertThat(left.images()).extracting("url").containsExactly(first);
		assertThat(left.thumbnail()).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'product.updated' and resource_id = ?"
				+ " and details->'fields' @> '[\"images\"]'::jsonb").param(product.productId()).query(Long.class).single()).isEqualTo(4);

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		warehouse.get(page);
		assertThat(warehouse.upload(page + "/images", "image", "a.png", png).status()).isEqualTo(403);
	}

	private java.math.BigDecimal usd(String productId) {
		return jdbc.sql("""
				select pr.amount from pricing.price pr join catalog.product_variant v on v.id = pr.variant_id
				where v.product_id = ? and pr.currency_code = 'usd' and pr.region_id is null and pr.price_list_id is null
				  and pr.deleted_at is null""").param(productId).query(java.math.BigDecimal.class).single();
	}

	private String createCategory(BackOfficeClient client, Map<String, String> form) {
		client.get("/app/categories");
		Page created = client.submit("/app/categories", form);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		Matcher m = CATEGORY_ID.matcher(created.header("Location"));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
