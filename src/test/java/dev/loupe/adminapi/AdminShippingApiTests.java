package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.Ids;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Shipping options and profiles managed through the Admin API over real HTTP, in a region of the test's own
 * (Oceania, AUD, prices including GST) so that the demo's regions keep their options.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminShippingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	SecretApiKeys keys;

	@Autowired
	Markets markets;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	AuditLog audit;

	AdminApi admin;
	String oceania;

	@BeforeEach
	void setUp() {
		admin = AdminApi.bearer(port, keys.create("Shipping admin test", "test").token());
		oceania = markets.regions().stream().filter(r -> r.name().equals("Shipping test Oceania")).map(Region::id)
			.findFirst()
			.orElseGet(() -> marketSetup.createRegion(new RegionDraft("Shipping test Oceania", "aud", true,
					List.of("au", "nz"), List.of())));
	}

	private JsonNode ok(Answer answer, String field) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		return answer.body().path(field);
	}

	private static void assertRefused(Answer answer, int status, String type, String... mentioned) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.type()).as(answer.raw()).isEqualTo(type);
		assertThat(answer.message()).as(answer.raw()).contains(mentioned);
	}

	private String flatBody(String extra) {
		return "{\"name\": \"Courier\", \"service_zone_id\": \"" + oceania + "\", \"provider_id\": \"manual_manual\","
				+ " \"price_type\": \"flat\", \"type\": {\"label\": \"Courier\", \"code\": \"standard\"},"
				+ " \"prices\": [{\"currency_code\": \"aud\", \"amount\": 9.95, \"free_over\": 100}]" + extra + "}";
	}

	@Test
	void anOptionIsCreatedReadUpdatedAndDeleted() {
		JsonNode created = ok(admin.post("/admin/shipping-options", flatBody(", \"country_codes\": [\"NZ\"]")),
				"shipping_option");
		String id = created.path("id").asString();
		assertThat(id).startsWith("so_");
		assertThat(created.path("service_zone_id").asString()).isEqualTo(oceania);
		assertThat(created.path("shipping_profile_id").asString()).startsWith("sp_");
		assertThat(created.path("type").path("code").asString()).isEqualTo("standard");
		assertThat(created.path("country_codes").get(0).asString()).isEqualTo("nz");
		assertThat(created.path("is_enabled").asBoolean()).isTrue();
		JsonNode price = created.path("prices").get(0);
		assertThat(price.path("amount").decimalValue()).isEqualByComparingTo("9.95");
		assertThat(price.path("free_over").decimalValue()).isEqualByComparingTo("100");
		assertThat(price.path("is_tax_inclusive").asBoolean()).as("the region's prices include tax").isTrue();

		assertThat(ok(admin.get("/admin/shipping-options/" + id), "shipping_option").path("name").asString())
			.isEqualTo("Courier");
		JsonNode listed = ok(admin.get("/admin/shipping-options?service_zone_id=" + oceania), "shipping_options");
		assertThat(listed.findValuesAsString("id")).contains(id);

		JsonNode updated = ok(admin.post("/admin/shipping-options/" + id,
				"{\"name\": \"Courier Plus\", \"is_enabled\": false, \"prices\": [{\"currency_code\": \"aud\", \"amount\": \"11\","
						+ " \"is_tax_inclusive\": false}]}"), "shipping_option");
		assertThat(updated.path("name").asString()).isEqualTo("Courier Plus");
		assertThat(updated.path("is_enabled").asBoolean()).isFalse();
		assertThat(updated.path("type").path("label").asString()).as("untouched").isEqualTo("Courier");
		assertThat(updated.path("country_codes").get(0).asString()).as("untouched").isEqualTo("nz");
		assertThat(updated.path("prices").get(0).path("amount").decimalValue()).isEqualByComparingTo("11");
		assertThat(updated.path("prices").get(0).path("free_over").isNull()).isTrue();

		Answer deleted = admin.delete("/admin/shipping-options/" + id);
		assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
		assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
		assertRefused(admin.get("/admin/shipping-options/" + id), 404, "not_found", id);
		assertRefused(admin.delete("/admin/shipping-options/" + id), 404, "not_found", id);
		assertThat(audit.forResource("shipping_option", id, 10)).extracting(AuditEntry::action)
			.contains("shipping_option.created", "shipping_option.updated", "shipping_option.deleted");
	}

	@Test
	void aTableRateOptionTakesBrackets() {
		JsonNode created = ok(admin.post("/admin/shipping-options", "{\"name\": \"Freight\", \"region_id\": \"" + oceania
				+ "\", \"provider_id\": \"table-rate_table-rate\", \"price_type\": \"calculated\", \"type\": {\"code\":"
				+ " \"freight\"}, \"brackets\": [{\"up_to_grams\": 1000, \"currency_code\": \"aud\", \"amount\": 8},"
				+ " {\"up_to_grams\": 5000, \"currency_code\": \"aud\", \"amount\": 15}]}"), "shipping_option");
		assertThat(created.path("brackets")).hasSize(2);
		assertThat(created.path("brackets").get(1).path("up_to_grams").asLong()).isEqualTo(5000);
		assertThat(created.path("type").path("label").asString()).as("defaults to the name").isEqualTo("Freight");
		assertRefused(admin.post("/admin/shipping-options/" + created.path("id").asString(),
				"{\"brackets\": [{\"up_to_grams\": 0, \"currency_code\": \"aud\", \"amount\": 1}]}"), 400, "invalid_data",
				"up_to_grams");
	}

	@Test
	void badOptionsAreRefusedNamingTheField() {
		assertRefused(admin.post("/admin/shipping-options", "{}"), 400, "invalid_data", "service_zone_id is required");
		assertRefused(admin.post("/admin/shipping-options", flatBody(", \"colour\": 1")), 400, "invalid_data", "colour");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace("\"type\": {\"label\": \"Courier\", "
				+ "\"code\": \"standard\"},", "")), 400, "invalid_data", "type is required");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace("\"aud\"", "\"eur\"")), 400,
				"invalid_data", "region's currency aud");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace("9.95", "-1")), 400, "invalid_data",
				"prices[0].amount must not be negative");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace("9.95", "\"lots\"")), 400,
				"invalid_data", "prices[0].amount");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace("\"aud\"", "\"zz1\"")), 400,
				"invalid_data", "prices[0].currency_code");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace("manual_manual", "easypost_easypost")), 400,
				"invalid_data", "provider_id");
		assertRefused(admin.post("/admin/shipping-options", flatBody("").replace(oceania, "reg_\\u0000")), 400,
				"invalid_data", "service_zone_id");
		assertRefused(admin.post("/admin/shipping-options", flatBody(", \"country_codes\": [\"us\"]")), 400,
				"invalid_data", "country_codes[0]");
		assertRefused(admin.post("/admin/shipping-options", flatBody(", \"name\": \"" + "n".repeat(10_000) + "\"")), 400,
				"invalid_data", "name");
		String unknown = Ids.next("so");
		assertRefused(admin.post("/admin/shipping-options/" + unknown, "{\"name\": \"X\"}"), 404, "not_found", unknown);
		assertRefused(admin.get("/admin/shipping-options/%3Cscript%3E"), 404, "not_found", "Shipping option");
	}

	@Test
	void profilesAreListedCreatedAndDeletedWhenUnused() {
		String name = "Bulky " + Ids.next("t");
		JsonNode created = ok(admin.post("/admin/shipping-profiles", "{\"name\": \"" + name + "\"}"), "shipping_profile");
		String id = created.path("id").asString();
		assertThat(created.path("type").asString()).isEqualTo("custom");
		assertThat(ok(admin.get("/admin/shipping-profiles"), "shipping_profiles").findValuesAsString("id")).contains(id);
		assertThat(ok(admin.get("/admin/shipping-profiles"), "shipping_profiles").findValuesAsString("type"))
			.contains("default", "digital");
		assertRefused(admin.post("/admin/shipping-profiles", "{\"name\": \"" + name.toUpperCase() + "\"}"), 422,
				"duplicate_error", "already exists");
		assertRefused(admin.post("/admin/shipping-profiles", "{\"name\": \"Second default\", \"type\": \"default\"}"), 422,
				"duplicate_error", "type default");

		String option = ok(admin.post("/admin/shipping-options", flatBody(", \"shipping_profile_id\": \"" + id + "\"")),
				"shipping_option").path("id").asString();
		assertRefused(admin.delete("/admin/shipping-profiles/" + id), 400, "not_allowed", "used by shipping options");
		assertThat(admin.delete("/admin/shipping-options/" + option).status()).isEqualTo(200);
		assertThat(admin.delete("/admin/shipping-profiles/" + id).status()).isEqualTo(200);
		assertRefused(admin.delete("/admin/shipping-profiles/" + id), 404, "not_found", id);
	}
}
