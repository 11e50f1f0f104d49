package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.IssuedSecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.market.Markets;
import dev.loupe.platform.Ids;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue managed through the Admin API over real HTTP, and seen at once through the Store API: products with
 * options, variants and prices, images uploaded to the file store, collections and categories; refusals of every
 * kind of bad input, atomicity of refused writes, and the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminCatalogApiTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	// The smallest valid PNG: a 1×1 transparent pixel.
	private static final byte[] PNG = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806"
			+ "0000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

	@LocalServerPort
	int port;

	@Autowired
	SecretApiKeys keys;

	@Autowired
	Markets markets;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	IssuedSecretApiKey key;
	AdminApi admin;
	String run;
	String usRegion;
	String euRegion;

	@BeforeEach
	void setUp() {
		key = keys.create("Admin API test", "test");
		admin = AdminApi.bearer(port, key.token());
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		usRegion = jdbc.sql("select region_id from market.region_country where iso_2 = 'us'").query(String.class).single();
		euRegion = jdbc.sql("select region_id from market.region_country where iso_2 = 'de'").query(String.class).single();
	}

	// ---------------------------------------------------------------- authentication

	@Test
	void refusesRequestsWithoutAValidSecretKey() {
		IssuedSecretApiKey revoked = keys.create("Revoked", "test");
		keys.revoke(revoked.key().id(), "test");
		for (AdminApi caller : List.of(new AdminApi(port, null), AdminApi.bearer(port, "sk_" + "0".repeat(64)),
				AdminApi.bearer(port, "pk_not-a-secret-key"), AdminApi.bearer(port, revoked.token()),
				new AdminApi(port, "Basic %%%not-base64"), new AdminApi(port, "Digest " + key.token()),
				AdminApi.bearer(port, "sk_" + "a".repeat(5000)))) {
			Answer answer = caller.get("/admin/products");
			assertThat(answer.status()).as(caller.authorization() == null ? "no header" : caller.authorization().substring(0,
					Math.min(30, caller.authorization().length()))).isEqualTo(401);
			assertThat(answer.type()).isEqualTo("unauthorized");
			assertThat(answer.contentType()).startsWith("application/json");
		}
		assertThat(AdminApi.basic(port, key.token()).get("/admin/products").status()).isEqualTo(200);
		assertThat(admin.get("/admin/products").status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- products

	@Test
	void createsAProductThatShoppersSeeWithItsPrices() {
		Answer created = admin.post("/admin/products", """
				{"title": "Aurora Frame %1$s", "handle": "aurora-%1$s", "status": "published", "kind": "optical_frame",
				 "description": "Acetate frame in two colours", "material": "Acetate", "weight": 24.5,
				 "options": [{"title": "Colour", "values": ["Black", "Tortoise"]}],
				 "variants": [
				   {"title": "Black", "sku": "AUR-BLK-%1$s", "options": {"Colour": "Black"},
				    "prices": [{"currency_code": "usd", "amount": 129.99},
				               {"currency_code": "eur", "amount": 119, "rules": {"region_id": "%2$s"}}]},
				   {"title": "Tortoise", "sku": "AUR-TRT-%1$s", "options": {"Colour": "Tortoise"}, "allow_backorder": true,
				    "prices": [{"currency_code": "usd", "amount": "139.50"}]}],
				 "metadata": {"frame_width_mm": 138}}""".formatted(run, euRegion));
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		JsonNode product = created.body().path("product");
		assertThat(product.path("id").asString()).startsWith("prod_");
		assertThat(product.path("status").asString()).isEqualTo("published");
		assertThat(product.path("kind").asString()).isEqualTo("optical_frame");
		assertThat(product.path("weight").decimalValue()).isEqualByComparingTo("24.5");
		assertThat(product.path("options").get(0).path("values")).hasSize(2);
		assertThat(product.path("variants")).hasSize(2);
		JsonNode black = variant(product, "Black");
		assertThat(black.path("prices")).hasSize(2);
		assertThat(black.path("prices").get(0).path("amount").decimalValue()).isEqualByComparingTo("119");
		assertThat(black.path("prices").get(0).path("rules").path("region_id").asString()).isEqualTo(euRegion);
		assertThat(variant(product, "Tortoise").path("allow_backorder").asBoolean()).isTrue();
		assertThat(product.path("sales_channels")).hasSize(1);
		assertThat(product.path("metadata").path("frame_width_mm").asInt()).isEqualTo(138);

		JsonNode shown = store("/store/products/" + product.path("id").asString() + "?region_id=" + usRegion);
		assertThat(variant(shown.path("product"), "Black").path("calculated_price").path("calculated_amount").decimalValue())
			.isEqualByComparingTo("129.99");
		assertThat(variant(shown.path("product"), "Tortoise").path("calculated_price").path("calculated_amount")
			.decimalValue()).isEqualByComparingTo("139.5");
		JsonNode inEurope = store("/store/products/" + product.path("id").asString() + "?region_id=" + euRegion);
		assertThat(variant(inEurope.path("product"), "Black").path("calculated_price").path("calculated_amount")
			.decimalValue()).isEqualByComparingTo("119");
		assertThat(store("/store/products?q=AUR-TRT-" + run).path("products")).hasSize(1);
	}

	@Test
	void aDraftStaysHiddenUntilPublished() {
		String id = create("Hidden " + run, "hidden-" + run, "draft");
		assertThat(storeStatus("/store/products/" + id)).isEqualTo(404);
		assertThat(admin.get("/admin/products/" + id).body().path("product").path("status").asString()).isEqualTo("draft");
		assertThat(admin.post("/admin/products/" + id, "{\"status\": \"published\"}").status()).isEqualTo(200);
		assertThat(storeStatus("/store/products/" + id)).isEqualTo(200);
	}

	@Test
	void aPriceChangeShowsAtOnceInTheStoreApi() {
		String id = create("Price change " + run, "price-change-" + run, "published");
		String variantId = admin.get("/admin/products/" + id).body().path("product").path("variants").get(0).path("id")
			.asString();
		String path = "/store/products/" + id + "?region_id=" + usRegion;
		assertThat(variant(store(path).path("product"), "Default").path("calculated_price").path("calculated_amount")
			.decimalValue()).isEqualByComparingTo("50");
		Answer updated = admin.post("/admin/products/" + id + "/variants/" + variantId,
				"{\"prices\": [{\"currency_code\": \"usd\", \"amount\": 45.25}]}");
		assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
		assertThat(variant(store(path).path("product"), "Default").path("calculated_price").path("calculated_amount")
			.decimalValue()).isEqualByComparingTo("45.25");
	}

	@Test
	void updatesTextsLinksAndSearch() {
		String id = create("Plain " + run, "plain-" + run, "published");
		String collection = admin.post("/admin/collections", "{\"title\": \"Summer " + run + "\"}").body()
			.path("collection").path("id").asString();
		String category = admin.post("/admin/product-categories", "{\"name\": \"Sunglasses " + run + "\"}").body()
			.path("product_category").path("id").asString();
		String type = admin.post("/admin/product-types", "{\"value\": \"Sun " + run + "\"}").body().path("product_type")
			.path("id").asString();
		Answer updated = admin.post("/admin/products/" + id, """
				{"title": "Polarised Aviator %1$s", "subtitle": "Gold", "collection_id": "%2$s",
				 "categories": [{"id": "%3$s"}], "type_id": "%4$s", "tags": [{"value": "zircon%1$s"}],
				 "origin_country": "IT", "discountable": false}""".formatted(run, collection, category, type));
		assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
		JsonNode p = updated.body().path("product");
		assertThat(p.path("title").asString()).isEqualTo("Polarised Aviator " + run);
		assertThat(p.path("collection").path("id").asString()).isEqualTo(collection);
		assertThat(p.path("categories").get(0).path("id").asString()).isEqualTo(category);
		assertThat(p.path("type").path("id").asString()).isEqualTo(type);
		assertThat(p.path("origin_country").asString()).isEqualTo("it");
		assertThat(p.path("discountable").asBoolean()).isFalse();
		assertThat(store("/store/products?q=zircon" + run).path("products").get(0).path("id").asString()).isEqualTo(id);
		assertThat(store("/store/products?q=aviator%20" + run).path("count").asInt()).isEqualTo(1);
		assertThat(store("/store/products?collection_id=" + collection).path("count").asInt()).isEqualTo(1);
		assertThat(store("/store/products?category_id=" + category).path("count").asInt()).isEqualTo(1);

		// null clears a nullable field
		Answer cleared = admin.post("/admin/products/" + id, "{\"subtitle\": null, \"collection_id\": null, \"tags\": []}");
		assertThat(cleared.body().path("product").path("subtitle").isNull()).isTrue();
		assertThat(cleared.body().path("product").path("collection").isNull()).isTrue();
		assertThat(cleared.body().path("product").path("tags")).isEmpty();
	}

	@Test
	void variantsAndOptionsFollowTheProductsOptions() {
		String id = admin.post("/admin/products", """
				{"title": "Lens %1$s", "status": "published",
				 "options": [{"title": "Index", "values": ["1.5", "1.6"]}],
				 "variants": [{"title": "1.5", "sku": "LENS-15-%1$s", "options": {"Index": "1.5"}}]}""".formatted(run))
			.body().path("product").path("id").asString();
		assertThat(admin.get("/admin/products/" + id).body().path("product").path("handle").asString())
			.isEqualTo("lens-" + run);

		Answer second = admin.post("/admin/products/" + id + "/variants",
				"{\"title\": \"1.6\", \"sku\": \"LENS-16-" + run + "\", \"options\": {\"Index\": \"1.6\"}}");
		assertThat(second.status()).as(second.raw()).isEqualTo(200);
		assertThat(second.body().path("product").path("variants")).hasSize(2);

		Answer sameOptions = admin.post("/admin/products/" + id + "/variants",
				"{\"title\": \"again\", \"options\": {\"Index\": \"1.6\"}}");
		assertThat(sameOptions.status()).isEqualTo(400);
		assertThat(sameOptions.message()).contains("already has the options");

		Answer sameSku = admin.post("/admin/products/" + id + "/variants",
				"{\"title\": \"dup\", \"sku\": \"LENS-15-" + run + "\", \"options\": {\"Index\": \"1.6\"}}");
		assertThat(sameSku.status()).isEqualTo(422);
		assertThat(sameSku.type()).isEqualTo("duplicate_error");

		Answer unknownValue = admin.post("/admin/products/" + id + "/variants",
				"{\"title\": \"x\", \"options\": {\"Index\": \"1.74\"}}");
		assertThat(unknownValue.status()).isEqualTo(400);
		assertThat(unknownValue.message()).contains("1.74");

		String optionId = second.body().path("product").path("options").get(0).path("id").asString();
		Answer removeUsedValue = admin.post("/admin/products/" + id + "/options/" + optionId, "{\"values\": [\"1.5\"]}");
		assertThat(removeUsedValue.status()).isEqualTo(400);
		assertThat(removeUsedValue.type()).isEqualTo("not_allowed");
		Answer addValue = admin.post("/admin/products/" + id + "/options/" + optionId,
				"{\"title\": \"Lens index\", \"values\": [\"1.5\", \"1.6\", \"1.67\"]}");
		assertThat(addValue.status()).as(addValue.raw()).isEqualTo(200);
		assertThat(addValue.body().path("product").path("options").get(0).path("values")).hasSize(3);
		assertThat(admin.delete("/admin/products/" + id + "/options/" + optionId).type()).isEqualTo("not_allowed");

		String firstVariant = variant(second.body().path("product"), "1.5").path("id").asString();
		Answer deleted = admin.delete("/admin/products/" + id + "/variants/" + firstVariant);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
		assertThat(deleted.body().path("parent").path("variants")).hasSize(1);
		assertThat(store("/store/products/" + id).path("product").path("variants")).extracting(v -> v.path("sku").asString())
			.containsExactly("LENS-16-" + run);
		assertThat(admin.delete("/admin/products/" + id + "/variants/" + firstVariant).status()).isEqualTo(404);
	}

	@Test
	void deletingAProductHidesItAndFreesItsHandle() {
		String id = create("Gone " + run, "gone-" + run, "published");
		assertThat(storeStatus("/store/products/" + id)).isEqualTo(200);
		Answer deleted = admin.delete("/admin/products/" + id);
		assertThat(deleted.body().path("object").asString()).isEqualTo("product");
		assertThat(storeStatus("/store/products/" + id)).isEqualTo(404);
		assertThat(admin.get("/admin/products/" + id).status()).isEqualTo(404);
		assertThat(admin.delete("/admin/products/" + id).status()).isEqualTo(404);
		assertThat(create("Gone again " + run, "gone-" + run, "draft")).isNotEqualTo(id);
	}

	@Test
	void listsProductsOfEveryStatusWithTextAndStatusFilters() {
		create("Listing one " + run, "listing-one-" + run, "draft");
		create("Listing two " + run, "listing-two-" + run, "published");
		JsonNode all = admin.get("/admin/products?q=listing-&limit=50").body();
		assertThat(all.path("products").size()).isGreaterThanOrEqualTo(2);
		JsonNode drafts = admin.get("/admin/products?q=" + run + "&status[]=draft").body();
		assertThat(drafts.path("count").asInt()).isEqualTo(1);
		assertThat(drafts.path("products").get(0).path("handle").asString()).isEqualTo("listing-one-" + run);
		assertThat(admin.get("/admin/products?limit=-1").status()).isEqualTo(400);
		assertThat(admin.get("/admin/products?status=gone").status()).isEqualTo(400);
	}

	// ---------------------------------------------------------------- bad input and atomicity

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"variants\": [{\"title\": \"x\"}]}|title is required",
			"{\"title\": \"  \", \"variants\": [{\"title\": \"x\"}]}|title is required",
			"{\"title\": \"T\"}|variants must have at least one variant",
			"{\"title\": \"T\", \"colour\": \"red\", \"variants\": [{\"title\": \"x\"}]}|Unrecognized fields: 'colour'",
			"{\"title\": \"T\\u0000\", \"variants\": [{\"title\": \"x\"}]}|title must not contain NUL",
			"{\"title\": 42, \"variants\": [{\"title\": \"x\"}]}|title must be a string",
			"{\"title\": \"T\", \"handle\": \"Not A Handle\", \"variants\": [{\"title\": \"x\"}]}|handle must be lowercase",
			"{\"title\": \"T\", \"status\": \"live\", \"variants\": [{\"title\": \"x\"}]}|status must be one of",
			"{\"title\": \"T\", \"kind\": \"car\", \"variants\": [{\"title\": \"x\"}]}|kind must be one of",
			"{\"title\": \"T\", \"weight\": -1, \"variants\": [{\"title\": \"x\"}]}|weight must not be negative",
			"{\"title\": \"T\", \"weight\": \"heavy\", \"variants\": [{\"title\": \"x\"}]}|weight must be a number",
			"{\"title\": \"T\", \"weight\": 1e400, \"variants\": [{\"title\": \"x\"}]}|weight is out of range",
			"{\"title\": \"T\", \"variants\": [{\"title\": \"x\", \"prices\": [{\"currency_code\": \"usd\", \"amount\": -5}]}]}|amount must not be negative",
			"{\"title\": \"T\", \"variants\": [{\"title\": \"x\", \"prices\": [{\"currency_code\": \"usd\", \"amount\": 1.234}]}]}|more decimals than USD",
			"{\"title\": \"T\", \"variants\": [{\"title\": \"x\", \"prices\": [{\"currency_code\": \"jpy\", \"amount\": 100.5}]}]}|more decimals than JPY",
			"{\"title\": \"T\", \"variants\": [{\"title\": \"x\", \"prices\": [{\"currency_code\": \"zzz\", \"amount\": 1}]}]}|Unknown currency",
			"{\"title\": \"T\", \"variants\": [{\"title\": \"x\", \"prices\": [{\"currency_code\": \"usd\"}]}]}|amount is required",
			"{\"title\": \"T\", \"variants\": [{\"title\": \"x\", \"prices\": [{\"currency_code\": \"usd\", \"amount\": 1}, {\"currency_code\": \"USD\", \"amount\": 2}]}]}|more than once",
			"{\"title\": \"T\", \"options\": [{\"title\": \"Size\", \"values\": []}], \"variants\": [{\"title\": \"x\"}]}|values must have at least one value",
			"{\"title\": \"T\", \"options\": [{\"title\": \"Size\", \"values\": [\"S\", \"M\"]}], \"variants\": [{\"title\": \"x\"}]}|options must give one value",
			"{\"title\": \"T\", \"options\": [{\"title\": \"Size\", \"values\": [\"S\"]}], \"variants\": [{\"title\": \"x\", \"options\": {\"Size\": \"S\"}}, {\"title\": \"y\", \"options\": {\"Size\": \"S\"}}]}|same options",
			"{\"title\": \"T\", \"images\": [{\"url\": \"javascript:alert(1)\"}], \"variants\": [{\"title\": \"x\"}]}|url must be an http(s) URL",
			"{\"title\": \"T\", \"origin_country\": \"USA\", \"variants\": [{\"title\": \"x\"}]}|origin_country must be",
			"{\"title\": \"T\", \"metadata\": [1, 2], \"variants\": [{\"title\": \"x\"}]}|metadata must be an object",
			"[1, 2, 3]|must be a JSON object",
			"{\"title\": |must be a JSON object",
	})
	void refusesBadProductBodiesNamingTheProblem(String testCase) {
		String body = testCase.substring(0, testCase.lastIndexOf('|'));
		String expected = testCase.substring(testCase.lastIndexOf('|') + 1);
		Answer answer = admin.post("/admin/products", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
		assertThat(answer.type()).isEqualTo("invalid_data");
		assertThat(answer.message()).contains(expected);
	}

	@Test
	void hostileInputGetsAClearClientError() {
		Answer deep = admin.post("/admin/products", "{\"a\":".repeat(200) + "1" + "}".repeat(200));
		assertThat(deep.status()).isEqualTo(400);
		assertThat(deep.message()).contains("nested too deeply");
		Answer plainText = admin.post("/admin/products", "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
		assertThat(plainText.status()).isEqualTo(415);
		assertThat(plainText.type()).isEqualTo("invalid_data");
		byte[] overlong = "{\"title\": \"..\", \"variants\": [{\"title\": \"a\"}]}".getBytes(StandardCharsets.UTF_8);
		overlong[11] = (byte) 0xC0;
		overlong[12] = (byte) 0xAF;
		Answer badUtf8 = admin.post("/admin/products", "application/json", overlong);
		assertThat(badUtf8.status()).isEqualTo(400);
		assertThat(badUtf8.type()).isEqualTo("invalid_data");
		assertThat(admin.get("/admin/products/prod_%00x").status()).isEqualTo(400);
		assertThat(admin.get("/admin/products/" + "x".repeat(5000)).status()).isEqualTo(404);
		Answer tooBig = admin.upload("/admin/uploads", "big.bin", "application/octet-stream", new byte[11 * 1024 * 1024]);
		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(tooBig.message()).contains("10 MB per file");
		Answer garbage = admin.post("/admin/uploads", "multipart/form-data; boundary=zz", "garbage".getBytes(StandardCharsets.UTF_8));
		assertThat(garbage.status()).isEqualTo(400);
		for (Answer a : List.of(deep, plainText, badUtf8, tooBig, garbage)) {
			assertThat(a.contentType()).startsWith("application/json");
		}
	}

	@Test
	void aRefusedPartLeavesNothingBehind() {
		long before = jdbc.sql("select count(*) from catalog.product").query(Long.class).single();
		Answer answer = admin.post("/admin/products", """
				{"title": "Half %1$s", "handle": "half-%1$s",
				 "variants": [{"title": "a", "sku": "HALF-%1$s",
				   "prices": [{"currency_code": "usd", "amount": 10, "rules": {"region_id": "reg_doesnotexist"}}]}]}"""
			.formatted(run));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.type()).isEqualTo("not_found");
		assertThat(jdbc.sql("select count(*) from catalog.product").query(Long.class).single()).isEqualTo(before);
		Answer wrongCurrency = admin.post("/admin/products", """
				{"title": "Half %1$s", "handle": "half-%1$s",
				 "variants": [{"title": "a", "prices": [{"currency_code": "usd", "amount": 10, "rules": {"region_id": "%2$s"}}]}]}"""
			.formatted(run, euRegion));
		assertThat(wrongCurrency.status()).isEqualTo(400);
		assertThat(wrongCurrency.message()).contains("must be EUR");
		assertThat(create("Half " + run, "half-" + run, "draft")).startsWith("prod_");
		assertThat(admin.post("/admin/products", "{\"title\": \"Dup\", \"handle\": \"half-" + run
				+ "\", \"variants\": [{\"title\": \"a\"}]}").type()).isEqualTo("duplicate_error");
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThat(admin.get("/admin/products/prod_01JUNKJUNKJUNKJUNKJUNKJUNK").status()).isEqualTo(404);
		assertThat(admin.post("/admin/products/prod_nope", "{\"title\": \"x\"}").type()).isEqualTo("not_found");
		String id = create("Links " + run, "links-" + run, "draft");
		for (String body : List.of("{\"collection_id\": \"pcol_nope\"}", "{\"categories\": [{\"id\": \"pcat_nope\"}]}",
				"{\"type_id\": \"ptyp_nope\"}", "{\"tags\": [{\"id\": \"ptag_nope\"}]}",
				"{\"sales_channels\": [{\"id\": \"sc_nope\"}]}")) {
			Answer answer = admin.post("/admin/products/" + id, body);
			assertThat(answer.status()).as(body).isEqualTo(404);
			assertThat(answer.type()).isEqualTo("not_found");
		}
		assertThat(admin.post("/admin/products/" + id + "/variants/variant_nope", "{}").status()).isEqualTo(404);
		assertThat(admin.delete("/admin/collections/pcol_nope").status()).isEqualTo(404);
		assertThat(admin.get("/admin/product-categories/pcat_nope").status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- collections and categories

	@Test
	void collectionsAreManagedAndDeletingOneKeepsItsProducts() {
		Answer created = admin.post("/admin/collections", "{\"title\": \"Été " + run + "\"}");
		assertThat(created.status()).isEqualTo(200);
		String collection = created.body().path("collection").path("id").asString();
		assertThat(created.body().path("collection").path("handle").asString()).isEqualTo("ete-" + run);
		assertThat(admin.post("/admin/collections", "{\"title\": \"Other\", \"handle\": \"ete-" + run + "\"}").status())
			.isEqualTo(422);
		assertThat(admin.post("/admin/collections/" + collection, "{\"title\": \"Summer " + run + "\"}").body()
			.path("collection").path("title").asString()).isEqualTo("Summer " + run);
		String product = create("In collection " + run, "in-collection-" + run, "published");
		admin.post("/admin/products/" + product, "{\"collection_id\": \"" + collection + "\"}");
		assertThat(admin.get("/admin/collections?q=summer%20" + run).body().path("count").asInt()).isEqualTo(1);
		assertThat(admin.delete("/admin/collections/" + collection).status()).isEqualTo(200);
		assertThat(admin.get("/admin/products/" + product).body().path("product").path("collection_id").isNull()).isTrue();
		assertThat(storeStatus("/store/products/" + product)).isEqualTo(200);
	}

	@Test
	void categoriesFormATreeThatCannotLoop() {
		String parent = admin.post("/admin/product-categories", "{\"name\": \"Eyewear " + run + "\"}").body()
			.path("product_category").path("id").asString();
		Answer child = admin.post("/admin/product-categories", "{\"name\": \"Readers " + run + "\", \"parent_category_id\": \""
				+ parent + "\", \"rank\": 2}");
		assertThat(child.status()).as(child.raw()).isEqualTo(200);
		String childId = child.body().path("product_category").path("id").asString();
		assertThat(child.body().path("product_category").path("mpath").asString()).isEqualTo(parent + "." + childId);
		String grandchild = admin.post("/admin/product-categories", "{\"name\": \"Strong " + run
				+ "\", \"parent_category_id\": \"" + childId + "\"}").body().path("product_category").path("id").asString();

		Answer loop = admin.post("/admin/product-categories/" + parent, "{\"parent_category_id\": \"" + grandchild + "\"}");
		assertThat(loop.status()).isEqualTo(400);
		assertThat(loop.message()).contains("under itself");
		assertThat(admin.delete("/admin/product-categories/" + parent).type()).isEqualTo("not_allowed");

		// Moving the child to the root moves its subtree with it.
		assertThat(admin.post("/admin/product-categories/" + childId, "{\"parent_category_id\": null}").status())
			.isEqualTo(200);
		assertThat(admin.get("/admin/product-categories/" + grandchild).body().path("product_category").path("mpath")
			.asString()).isEqualTo(childId + "." + grandchild);
		assertThat(admin.post("/admin/product-categories/" + grandchild, "{\"is_active\": false}").status()).isEqualTo(200);
		assertThat(store("/store/product-categories?limit=1000").toString()).doesNotContain(grandchild);
		assertThat(admin.get("/admin/product-categories?parent_category_id=" + childId).body().path("count").asInt())
			.isEqualTo(1);
		assertThat(admin.delete("/admin/product-categories/" + parent).status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- price lists

	@Test
	void aSalePriceListAppliesWhileActiveAndGoesWithItsPrices() {
		String id = create("On sale " + run, "on-sale-" + run, "published");
		String variantId = admin.get("/admin/products/" + id).body().path("product").path("variants").get(0).path("id")
			.asString();
		String path = "/store/products/" + id + "?region_id=" + usRegion;
		Answer created = admin.post("/admin/price-lists", """
				{"title": "Winter sale %s", "type": "sale", "starts_at": "2020-01-01T00:00:00Z",
				 "prices": [{"variant_id": "%s", "currency_code": "usd", "amount": 40}]}""".formatted(run, variantId));
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		JsonNode list = created.body().path("price_list");
		assertThat(list.path("status").asString()).isEqualTo("draft");
		assertThat(list.path("prices")).hasSize(1);
		String listId = list.path("id").asString();
		assertThat(calculated(path).path("calculated_amount").decimalValue()).isEqualByComparingTo("50");

		assertThat(admin.post("/admin/price-lists/" + listId, "{\"status\": \"active\"}").status()).isEqualTo(200);
		JsonNode price = calculated(path);
		assertThat(price.path("calculated_amount").decimalValue()).isEqualByComparingTo("40");
		assertThat(price.path("original_amount").decimalValue()).isEqualByComparingTo("50");
		assertThat(price.path("calculated_price").path("price_list_type").asString()).isEqualTo("sale");

		Answer batch = admin.post("/admin/price-lists/" + listId + "/prices/batch", """
				{"create": [{"variant_id": "%s", "currency_code": "usd", "amount": 35}],
				 "delete": ["%s"]}""".formatted(variantId, list.path("prices").get(0).path("id").asString()));
		assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
		assertThat(batch.body().path("created")).hasSize(1);
		assertThat(calculated(path).path("calculated_amount").decimalValue()).isEqualByComparingTo("35");

		assertThat(admin.post("/admin/price-lists/" + listId, "{\"ends_at\": \"2019-01-01T00:00:00Z\"}").message())
			.contains("ends_at must be after starts_at");
		assertThat(admin.post("/admin/price-lists", "{\"title\": \"x\", \"prices\": [{\"variant_id\": \"variant_nope\","
				+ " \"currency_code\": \"usd\", \"amount\": 1}]}").status()).isEqualTo(404);
		assertThat(admin.post("/admin/price-lists", "{\"title\": \"x\", \"starts_at\": \"tomorrow\"}").message())
			.contains("starts_at must be a date");
		assertThat(admin.post("/admin/price-lists", "{\"title\": \"x\", \"type\": \"bogus\"}").status()).isEqualTo(400);

		assertThat(admin.delete("/admin/price-lists/" + listId).status()).isEqualTo(200);
		assertThat(calculated(path).path("calculated_amount").decimalValue()).isEqualByComparingTo("50");
		assertThat(admin.get("/admin/price-lists/" + listId).status()).isEqualTo(404);
	}

	private JsonNode calculated(String path) {
		return store(path).path("product").path("variants").get(0).path("calculated_price");
	}

	// ---------------------------------------------------------------- uploads

	@Test
	void uploadsAnImageAndUsesItOnAProduct() {
		Answer uploaded = admin.upload("/admin/uploads", "Été photo.PNG", "application/octet-stream", PNG);
		assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
		JsonNode file = uploaded.body().path("files").get(0);
		assertThat(file.path("mime_type").asString()).isEqualTo("image/png");
		String url = file.path("url").asString();
		assertThat(url).startsWith("http://").endsWith("-ete-photo.png");
		assertThat(admin.download(url)).isEqualTo(PNG);

		String id = create("Pictured " + run, "pictured-" + run, "published");
		Answer withImage = admin.post("/admin/products/" + id, "{\"images\": [{\"url\": \"" + url + "\"}]}");
		assertThat(withImage.body().path("product").path("thumbnail").asString()).isEqualTo(url);
		assertThat(store("/store/products/" + id).path("product").path("images").get(0).path("url").asString()).isEqualTo(url);

		assertThat(admin.delete("/admin/uploads/" + file.path("id").asString()).status()).isEqualTo(200);
		assertThat(admin.upload("/admin/uploads", "empty.png", "image/png", new byte[0]).status()).isEqualTo(400);
		Answer noFiles = admin.post("/admin/uploads", "{}");
		assertThat(noFiles.status()).isIn(400, 415);
		assertThat(admin.delete("/admin/uploads/..%2F..%2Fetc").status()).isEqualTo(400);
	}

	// ---------------------------------------------------------------- audit

	@Test
	void everyChangeIsAuditedWithItsKeyAndRequest() throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/admin/products"))
			.header("Authorization", "Bearer " + key.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Audited " + run + "\", \"variants\": [{\"title\": \"a\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String id = response.body().replaceAll(".*\"product\":\\{\"id\":\"([^\"]+)\".*", "$1");
		admin.post("/admin/products/" + id, "{\"subtitle\": \"changed\"}");
		admin.delete("/admin/products/" + id);
		admin.post("/admin/products/" + id, "{\"subtitle\": \"refused\"}");

		List<AuditEntry> entries = audit.forResource("product", id, 10);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly("product.deleted", "product.updated", "product.created");
		assertThat(entries).allSatisfy(e -> assertThat(e.actor().id()).isEqualTo(key.key().id()));
		assertThat(entries.getLast().requestId()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(entries.get(1).details().get("fields")).isEqualTo(List.of("subtitle"));
	}

	// ---------------------------------------------------------------- helpers

	private String create(String title, String handle, String status) {
		Answer answer = admin.post("/admin/products", """
				{"title": "%s", "handle": "%s", "status": "%s",
				 "variants": [{"title": "Default", "prices": [{"currency_code": "usd", "amount": 50}]}]}"""
			.formatted(title, handle, status));
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		return answer.body().path("product").path("id").asString();
	}

	private static JsonNode variant(JsonNode product, String title) {
		for (JsonNode v : product.path("variants")) {
			if (v.path("title").asString().equals(title)) {
				return v;
			}
		}
		throw new AssertionError("no variant " + title + " in " + product);
	}

	private JsonNode store(String path) {
		var answer = dev.loupe.adminapi.StoreCall.get(port, path, markets.firstPublishableKeyToken().orElseThrow());
		assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body());
	}

	private int storeStatus(String path) {
		return StoreCall.get(port, path, markets.firstPublishableKeyToken().orElseThrow()).statusCode();
	}
}
