package dev.loupe.storeapi;

import static dev.loupe.storeapi.StoreApiTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.market.Markets;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Regions, categories, collections, tags and types as the demo store serves them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreRegionsAndCatalogTests {

	@LocalServerPort
	int port;

	@Autowired
	Markets markets;

	String key;

	@BeforeEach
	void demoKey() {
		key = markets.firstPublishableKeyToken().orElseThrow();
	}

	@Test
	void regionsListTheirCountriesCurrencyAndPaymentProviders() {
		Answer answer = get(port, "/store/regions", key);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode regions = answer.body().get("regions");
		assertThat(answer.body().get("count").asInt()).isEqualTo(regions.size()).isGreaterThanOrEqualTo(3);
		JsonNode europe = null;
		for (JsonNode r : regions) {
			assertThat(r.get("id").asString()).startsWith("reg_");
			// Other test classes share the database and may add regions without countries (Medusa allows them).
			assertThat(r.get("countries").isArray()).isTrue();
			if (r.get("currency_code").asString().equals("eur")) {
				europe = r;
			}
		}
		assertThat(europe).isNotNull();
		assertThat(europe.get("countries")).isNotEmpty();
		assertThat(europe.get("countries").findValuesAsString("iso_2")).contains("de", "fr", "nl");
		assertThat(europe.get("countries").get(0).get("iso_3").asString()).hasSize(3);
		assertThat(europe.get("payment_providers").get(0).get("id").asString()).isEqualTo("pp_system_default");

		Answer one = get(port, "/store/regions/" + europe.get("id").asString(), key);
		assertThat(one.body().get("region").get("name").asString()).isEqualTo(europe.get("name").asString());
		assertThat(get(port, "/store/regions/reg_01XXXXXXXXXXXXXXXXXXXXXXXX", key).status()).isEqualTo(404);
		assertThat(get(port, "/store/regions/%00", key).status()).isBetween(400, 404);
		assertThat(get(port, "/store/regions?order=-name&limit=1", key).body().get("regions")).hasSize(1);
		assertThat(get(port, "/store/regions?order=population", key).status()).isEqualTo(400);
	}

	@Test
	void categoriesFormATreeWithTheirDescendants() {
		Answer roots = get(port, "/store/product-categories?parent_category_id=null&include_descendants_tree=true", key);
		assertThat(roots.status()).isEqualTo(200);
		JsonNode eyewear = null;
		for (JsonNode c : roots.body().get("product_categories")) {
			assertThat(c.get("parent_category_id").isNull()).isTrue();
			if (c.get("handle").asString().equals("eyewear")) {
				eyewear = c;
			}
		}
		assertThat(eyewear).isNotNull();
		assertThat(eyewear.get("category_children").findValuesAsString("handle")).contains("frames", "lenses");

		Answer frames = get(port, "/store/product-categories?handle=frames", key);
		String framesId = frames.body().get("product_categories").get(0).get("id").asString();
		Answer one = get(port, "/store/product-categories/" + framesId, key);
		assertThat(one.body().get("product_category").get("parent_category_id").asString()).isEqualTo(eyewear.get("id").asString());
		Answer products = get(port, "/store/products?category_id[]=" + framesId + "&limit=100", key);
		assertThat(products.body().get("count").asInt()).isGreaterThanOrEqualTo(5);
		assertThat(get(port, "/store/product-categories/pcat_missing", key).status()).isEqualTo(404);
		assertThat(get(port, "/store/product-categories?include_descendants_tree=maybe", key).status()).isEqualTo(400);
	}

	@Test
	void collectionsTagsAndTypesAreListedAndFilterProducts() {
		Answer collections = get(port, "/store/collections", key);
		assertThat(collections.body().get("count").asInt()).isGreaterThanOrEqualTo(3);
		JsonNode first = collections.body().get("collections").get(0);
		assertThat(get(port, "/store/collections/" + first.get("id").asString(), key).body().get("collection").get("handle")
			.asString()).isEqualTo(first.get("handle").asString());
		assertThat(get(port, "/store/collections/pcol_01XXXXXXXXXXXXXXXXXXXXXXXX", key).status()).isEqualTo(404);
		Answer inCollection = get(port, "/store/products?collection_id=" + first.get("id").asString(), key);
		for (JsonNode p : inCollection.body().get("products")) {
			assertThat(p.get("collection_id").asString()).isEqualTo(first.get("id").asString());
		}

		JsonNode tags = get(port, "/store/product-tags?value=mmwave", key).body().get("product_tags");
		assertThat(tags).hasSize(1);
		Answer tagged = get(port, "/store/products?tag_id=" + tags.get(0).get("id").asString(), key);
		assertThat(tagged.body().get("count").asInt()).isGreaterThanOrEqualTo(5);

		JsonNode types = get(port, "/store/product-types?q=digital", key).body().get("product_types");
		assertThat(types).hasSize(1);
		Answer downloads = get(port, "/store/products?type_id=" + types.get(0).get("id").asString(), key);
		for (JsonNode p : downloads.body().get("products")) {
			assertThat(p.get("type").get("value").asString()).isEqualTo("Digital download");
		}
		assertThat(get(port, "/store/product-tags?order=colour", key).status()).isEqualTo(400);
	}
}
