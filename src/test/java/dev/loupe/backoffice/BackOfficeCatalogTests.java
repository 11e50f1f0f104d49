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

	private String createCategory(BackOfficeClient client, Map<String, String> form) {
		client.get("/app/categories");
		Page created = client.submit("/app/categories", form);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		Matcher m = CATEGORY_ID.matcher(created.header("Location"));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
