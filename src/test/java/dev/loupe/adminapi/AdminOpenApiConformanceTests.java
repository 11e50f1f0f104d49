package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.platform.Ids;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Admin API document is true: the documented examples are accepted by the real routes as they stand (made
 * unique per run), and real answers, lists and refusals match the documented schemas field by field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminOpenApiConformanceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SecretApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	AdminApi admin;
	JsonNode doc;
	JsonSchemaCheck schemas;
	String run;

	@BeforeEach
	void setUp() {
		admin = AdminApi.bearer(port, keys.create("OpenAPI conformance", "test").token());
		doc = new AdminApi(port, null).get("/admin/openapi.json").body();
		schemas = new JsonSchemaCheck(doc);
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
	}

	@Test
	void theDocumentedExamplesAreAcceptedAndTheAnswersMatchTheDocument() {
		JsonNode product = created("/admin/products", example("/admin/products").replace("AUR-", "AUR-" + run + "-")
			.replace("Aurora sensor", "Aurora sensor " + run)).path("product");
		String id = product.path("id").asString();
		assertThat(product.path("variants").size()).isEqualTo(2);
		assertThat(product.path("variants").get(0).path("prices").get(0).path("amount").decimalValue())
			.isEqualByComparingTo("49.9");
		created("/admin/products/{id}", "/admin/products/" + id, example("/admin/products/{id}"));
		JsonNode withVariant = created("/admin/products/{id}/variants", "/admin/products/" + id + "/variants",
				example("/admin/products/{id}/variants").replace("AUR-", "AUR-" + run + "-")).path("product");
		String variantId = withVariant.path("variants").get(2).path("id").asString();
		created("/admin/products/{id}/variants/{variantId}", "/admin/products/" + id + "/variants/" + variantId,
				example("/admin/products/{id}/variants/{variantId}"));
		created("/admin/products/{id}/options", "/admin/products/" + id + "/options", example("/admin/products/{id}/options"));

		String collection = created("/admin/collections", example("/admin/collections").replace("Winter edit",
				"Winter edit " + run)).path("collection").path("id").asString();
		created("/admin/collections/{id}", "/admin/collections/" + collection,
				example("/admin/collections/{id}").replace("Winter edit", "Winter edit " + run));
		String category = created("/admin/product-categories", example("/admin/product-categories")
			.replace("Reading glasses", "Reading glasses " + run)).path("product_category").path("id").asString();
		created("/admin/product-categories/{id}", "/admin/product-categories/" + category,
				example("/admin/product-categories/{id}"));
		created("/admin/product-types", example("/admin/product-types").replace("Accessory", "Accessory " + run));
		created("/admin/product-tags", example("/admin/product-tags").replace("bestseller", "bestseller-" + run));
		JsonNode list = created("/admin/price-lists", example("/admin/price-lists").replace("variant_01JABCDEF", variantId))
			.path("price_list");
		assertThat(list.path("prices").size()).isEqualTo(1);
		String listPath = "/admin/price-lists/" + list.path("id").asString();
		created("/admin/price-lists/{id}", listPath, example("/admin/price-lists/{id}"));
		JsonNode batch = created("/admin/price-lists/{id}/prices/batch", listPath + "/prices/batch",
				example("/admin/price-lists/{id}/prices/batch").replace("variant_01JABCDEF", variantId)
					.replace("price_01JABCDEF", list.path("prices").get(0).path("id").asString()));
		assertThat(batch.path("created").size()).isEqualTo(1);
		String promotion = created("/admin/promotions", example("/admin/promotions").replace("WINTER10",
				"W10" + run.toUpperCase(Locale.ROOT))).path("promotion").path("id").asString();
		created("/admin/promotions/{id}", "/admin/promotions/" + promotion, example("/admin/promotions/{id}"));
		created("/admin/shipping-profiles", example("/admin/shipping-profiles").replace("Bulky goods", "Bulky " + run));
		String region = jdbc.sql("select region_id from market.region_country where iso_2 = 'de'").query(String.class).single();
		JsonNode option = created("/admin/shipping-options", example("/admin/shipping-options").replace("reg_01JABCDEF", region)
			.replace("\"Standard\"", "\"Standard " + run + "\"")).path("shipping_option");
		created("/admin/shipping-options/{id}", "/admin/shipping-options/" + option.path("id").asString(),
				example("/admin/shipping-options/{id}"));
		created("/admin/invites", example("/admin/invites").replace("new.colleague@", "new.colleague." + run + "@"));
		JsonNode key = created("/admin/api-keys", example("/admin/api-keys")).path("api_key");
		assertThat(key.path("token").asString()).startsWith("sk_");
		assertThat(admin.post("/admin/api-keys/" + key.path("id").asString() + "/revoke", "").status()).isEqualTo(200);
	}

	@Test
	void listsAndSingleResourcesMatchTheDocument() {
		created("/admin/collections", "{\"title\": \"Conformance " + run + "\"}");
		for (String path : List.of("/admin/products", "/admin/collections", "/admin/product-categories",
				"/admin/product-types", "/admin/product-tags", "/admin/price-lists", "/admin/promotions", "/admin/customers",
				"/admin/shipping-options", "/admin/shipping-profiles", "/admin/users", "/admin/invites", "/admin/api-keys",
				"/admin/webhooks")) {
			Answer answer = admin.get(path + "?limit=5");
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(problems("get", path, answer)).as(path).isEmpty();
		}
		Answer products = admin.get("/admin/products?limit=3&offset=0&status=published,draft");
		assertThat(products.body().path("limit").asInt()).isEqualTo(3);
		String id = products.body().path("products").get(0).path("id").asString();
		Answer one = admin.get("/admin/products/" + id);
		assertThat(problems("get", "/admin/products/{id}", one)).isEmpty();
		// The check is not a formality: a product is not a collection.
		JsonNode collectionAnswer = doc.path("paths").path("/admin/collections/{id}").path("get").path("responses").path("200")
			.path("content").path("application/json").path("schema");
		assertThat(schemas.check(collectionAnswer, one.body(), "answer")).contains("answer.collection: required, missing");
	}

	@Test
	void refusalsMatchTheDocumentedErrors() {
		Answer missingTitle = admin.post("/admin/collections", "{\"handle\": \"no-title-" + run + "\"}");
		assertThat(missingTitle.status()).isEqualTo(400);
		assertThat(problems("post", "/admin/collections", missingTitle)).isEmpty();

		// additionalProperties: false in the document because the route refuses unknown fields.
		Answer unknownField = admin.post("/admin/product-tags", "{\"value\": \"x-" + run + "\", \"colour\": \"red\"}");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.message()).contains("colour");

		// The documented maximum of limit is the route's.
		JsonNode limit = doc.path("paths").path("/admin/products").path("get").path("parameters").get(0);
		int max = limit.path("schema").path("maximum").asInt();
		assertThat(admin.get("/admin/products?limit=" + max).status()).isEqualTo(200);
		Answer tooMany = admin.get("/admin/products?limit=" + (max + 1));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(problems("get", "/admin/products", tooMany)).isEmpty();

		Answer unknown = admin.get("/admin/promotions/promo_" + run);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(problems("get", "/admin/promotions/{id}", unknown)).isEmpty();

		Answer anonymous = new AdminApi(port, null).get("/admin/customers");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(problems("get", "/admin/customers", anonymous)).isEmpty();
	}

	/** The documented example of the POST on this path, as JSON text. */
	private String example(String path) {
		JsonNode value = doc.path("paths").path(path).path("post").path("requestBody").path("content").path("application/json")
			.path("examples").path("example").path("value");
		assertThat(value.isObject()).as("example of POST " + path).isTrue();
		return value.toString();
	}

	private JsonNode created(String path, String body) {
		return created(path, path, body);
	}

	private JsonNode created(String documented, String path, String body) {
		JsonNode schema = doc.path("paths").path(documented).path("post").path("requestBody").path("content")
			.path("application/json").path("schema");
		assertThat(schemas.check(schema, JSON.readTree(body), "body")).as("POST " + documented + " body").isEmpty();
		Answer answer = admin.post(path, body);
		assertThat(answer.status()).as("POST " + path + ": " + answer.raw()).isEqualTo(200);
		assertThat(problems("post", documented, answer)).as("POST " + documented).isEmpty();
		return answer.body();
	}

	/** The mismatches between an answer and the document's answer for its status. */
	private List<String> problems(String verb, String path, Answer answer) {
		JsonNode response = schemas.resolveResponse(doc.path("paths").path(path).path(verb).path("responses")
			.path(String.valueOf(answer.status())));
		assertThat(response.isMissingNode()).as(verb + " " + path + " documents " + answer.status()).isFalse();
		JsonNode schema = response.path("content").path("application/json").path("schema");
		return schemas.check(schema, answer.body(), "answer");
	}
}
