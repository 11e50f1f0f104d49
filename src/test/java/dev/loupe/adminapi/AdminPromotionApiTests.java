package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.IssuedSecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.promotion.DiscountContext;
import dev.loupe.promotion.DiscountLine;
import dev.loupe.promotion.DiscountShipping;
import dev.loupe.promotion.Discounts;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionCalculator;
import dev.loupe.promotion.Promotions;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Promotions managed over real HTTP through Medusa's {@code /admin/promotions} routes: shapes, refusals, audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminPromotionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	SecretApiKeys keys;

	@Autowired
	AuditLog audit;

	@Autowired
	Promotions promotions;

	IssuedSecretApiKey key;
	AdminApi admin;
	String run;

	@BeforeEach
	void setUp() {
		key = keys.create("Promotion API test", "test");
		admin = AdminApi.bearer(port, key.token());
		run = Ids.next("t").substring(2, 14).toLowerCase(Locale.ROOT);
	}

	@Test
	void createsReadsListsUpdatesAndDeletesAPromotionInMedusasShape() {
		Answer created = admin.post("/admin/promotions", """
				{"code": "LENS25-%s", "type": "standard", "status": "active", "limit": 100, "limit_per_customer": 2,
				 "is_combinable": false, "starts_at": "2026-01-01T00:00:00Z", "ends_at": "2036-01-01T00:00:00+01:00",
				 "minimum_subtotals": [{"currency_code": "USD", "amount": 100}], "metadata": {"source": "test"},
				 "rules": [],
				 "application_method": {"type": "percentage", "target_type": "items", "allocation": "each", "value": 25,
				   "max_quantity": 2, "description": "A quarter off lenses",
				   "target_rules": [{"attribute": "items.product.categories.id", "operator": "in",
				     "values": ["pcat_lenses", "pcat_filters"]}, {"attribute": "items.product.id", "operator": "eq",
				     "values": "prod_x"}]}}""".formatted(run));
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		JsonNode p = created.body().path("promotion");
		String id = p.path("id").asString();
		assertThat(Ids.hasPrefix(id, "promo")).isTrue();
		assertThat(p.path("code").asString()).isEqualTo("LENS25-" + run);
		assertThat(p.path("type").asString()).isEqualTo("standard");
		assertThat(p.path("status").asString()).isEqualTo("active");
		assertThat(p.path("is_automatic").asBoolean()).isFalse();
		assertThat(p.path("is_combinable").asBoolean()).isFalse();
		assertThat(p.path("limit").asInt()).isEqualTo(100);
		assertThat(p.path("used").asInt()).isZero();
		assertThat(p.path("limit_per_customer").asInt()).isEqualTo(2);
		assertThat(p.path("starts_at").asString()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(p.path("ends_at").asString()).isEqualTo("2035-12-31T23:00:00Z");
		assertThat(p.path("minimum_subtotals").get(0).path("currency_code").asString()).isEqualTo("usd");
		assertThat(p.path("minimum_subtotals").get(0).path("amount").decimalValue()).isEqualByComparingTo("100");
		assertThat(p.path("metadata").path("source").asString()).isEqualTo("test");
		JsonNode method = p.path("application_method");
		assertThat(method.path("id").asString()).startsWith("proma_");
		assertThat(method.path("type").asString()).isEqualTo("percentage");
		assertThat(method.path("target_type").asString()).isEqualTo("items");
		assertThat(method.path("allocation").asString()).isEqualTo("each");
		assertThat(method.path("value").decimalValue()).isEqualByComparingTo("25");
		assertThat(method.path("max_quantity").asInt()).isEqualTo(2);
		assertThat(method.path("currency_code").isNull()).isTrue();
		assertThat(method.path("description").asString()).isEqualTo("A quarter off lenses");
		assertThat(method.path("target_rules")).hasSize(2);
		JsonNode rule = method.path("target_rules").get(0);
		assertThat(rule.path("attribute").asString()).isEqualTo("items.product.categories.id");
		assertThat(rule.path("operator").asString()).isEqualTo("in");
		assertThat(rule.path("values").get(1).path("value").asString()).isEqualTo("pcat_filters");
		assertThat(method.path("target_rules").get(1).path("values").get(0).path("value").asString()).isEqualTo("prod_x");

		assertThat(admin.get("/admin/promotions/" + id).body().path("promotion")).isEqualTo(p);

		admin.post("/admin/promotions", "{\"code\": \"other-" + run + "\", \"application_method\": {\"type\": \"fixed\","
				+ " \"target_type\": \"order\", \"value\": 3, \"currency_code\": \"eur\"}}");
		JsonNode byQ = admin.get("/admin/promotions?q=" + run + "&limit=1").body();
		assertThat(byQ.path("count").asInt()).isEqualTo(2);
		assertThat(byQ.path("limit").asInt()).isEqualTo(1);
		assertThat(byQ.path("promotions")).hasSize(1);
		assertThat(byQ.path("promotions").get(0).path("code").asString()).isEqualTo("other-" + run);
		assertThat(byQ.path("promotions").get(0).path("status").asString()).isEqualTo("draft");
		JsonNode second = admin.get("/admin/promotions?q=" + run + "&limit=1&offset=1").body();
		assertThat(second.path("promotions").get(0).path("id").asString()).isEqualTo(id);
		JsonNode byCode = admin.get("/admin/promotions?code=lens25-" + run).body();
		assertThat(byCode.path("count").asInt()).isEqualTo(1);
		assertThat(byCode.path("promotions").get(0).path("id").asString()).isEqualTo(id);
		assertThat(admin.get("/admin/promotions?q=%25" + run).body().path("count").asInt()).isZero();
		assertThat(admin.get("/admin/promotions?limit=-1").status()).isEqualTo(400);

		Answer updated = admin.post("/admin/promotions/" + id,
				"{\"status\": \"inactive\", \"application_method\": {\"value\": 30}, \"ends_at\": null}");
		assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
		JsonNode u = updated.body().path("promotion");
		assertThat(u.path("status").asString()).isEqualTo("inactive");
		assertThat(u.path("application_method").path("value").decimalValue()).isEqualByComparingTo("30");
		assertThat(u.path("application_method").path("target_rules")).hasSize(2);
		assertThat(u.path("ends_at").isNull()).isTrue();
		assertThat(u.path("code").asString()).isEqualTo("LENS25-" + run);

		Answer deleted = admin.delete("/admin/promotions/" + id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().path("id").asString()).isEqualTo(id);
		assertThat(deleted.body().path("object").asString()).isEqualTo("promotion");
		assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
		assertThat(admin.get("/admin/promotions/" + id).status()).isEqualTo(404);
		assertThat(admin.delete("/admin/promotions/" + id).status()).isEqualTo(404);
		assertThat(admin.post("/admin/promotions/" + id, "{\"status\": \"active\"}").status()).isEqualTo(404);

		List<AuditEntry> entries = audit.forResource("promotion", id, 10);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly("promotion.deleted", "promotion.updated", "promotion.created");
		assertThat(entries).allSatisfy(e -> assertThat(e.actor().id()).isEqualTo(key.key().id()));
		assertThat(entries.get(1).details().get("fields")).isEqualTo(List.of("application_method", "ends_at", "status"));
	}

	@Test
	void anAutomaticPromotionNeedsNoCode() {
		Answer created = admin.post("/admin/promotions", """
				{"is_automatic": true, "application_method": {"type": "percentage", "target_type": "shipping_methods",
				 "value": 50}}""");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		assertThat(created.body().path("promotion").path("code").isNull()).isTrue();
		assertThat(created.body().path("promotion").path("is_automatic").asBoolean()).isTrue();
		admin.delete("/admin/promotions/" + created.body().path("promotion").path("id").asString());
	}

	@Test
	void aCodeIsTakenWhateverItsCase() {
		String body = "{\"code\": \"%s\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}";
		assertThat(admin.post("/admin/promotions", body.formatted("Dup-" + run)).status()).isEqualTo(200);
		Answer again = admin.post("/admin/promotions", body.formatted("DUP-" + run));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.type()).isEqualTo("duplicate_error");
		assertThat(again.message()).isEqualTo("A promotion with the code DUP-" + run + " already exists");
		assertThat(admin.get("/admin/promotions?q=dup-" + run).body().path("count").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": -5}}|application_method.value must be greater than 0",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 0}}|application_method.value must be greater than 0",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 150}}|application_method.value must be at most 100",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": \"ten\"}}|application_method.value must be a number",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\"}}|application_method.value is required",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"fixed\", \"target_type\": \"items\", \"value\": 5}}|application_method.currency_code is required for a fixed amount",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"fixed\", \"target_type\": \"items\", \"value\": 5, \"currency_code\": \"zzz\"}}|application_method.currency_code must be an ISO 4217",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"fixed\", \"target_type\": \"items\", \"value\": 5.001, \"currency_code\": \"usd\"}}|more decimals than USD",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"fixed\", \"target_type\": \"items\", \"value\": 5.5, \"currency_code\": \"jpy\"}}|more decimals than JPY",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"free\", \"target_type\": \"order\", \"value\": 5}}|application_method.type must be one of [percentage, fixed]",
			"{\"code\": \"A\", \"application_method\": {\"target_type\": \"order\", \"value\": 5}}|application_method.type is required",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"basket\", \"value\": 5}}|application_method.target_type must be one of",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"items\", \"allocation\": \"once\", \"value\": 5}}|application_method.allocation must be one of [each, across]",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"allocation\": \"each\", \"value\": 5}}|allocation must be across when target_type is order",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"items\", \"value\": 5, \"max_quantity\": 0}}|application_method.max_quantity must be between 1 and 10000",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5, \"target_rules\": [{\"attribute\": \"items.product.id\", \"values\": [\"p\"]}]}}|target_rules are only allowed when target_type is items",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"items\", \"value\": 5, \"target_rules\": [{\"attribute\": \"customer.id\", \"values\": [\"p\"]}]}}|application_method.target_rules[0].attribute must be one of",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"items\", \"value\": 5, \"target_rules\": [{\"attribute\": \"items.product.id\", \"operator\": \"gt\", \"values\": [\"p\"]}]}}|operator must be in or eq",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"items\", \"value\": 5, \"target_rules\": [{\"attribute\": \"items.product.id\", \"values\": []}]}}|values must name at least one id",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"items\", \"value\": 5, \"buy_rules\": [{\"attribute\": \"items.product.id\"}]}}|buy_rules is not supported",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5, \"colour\": 1}}|Unrecognized fields: 'application_method.colour'",
			"{\"code\": \"A\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5, \"description\": \"x\\u0000\"}}|application_method.description must not contain NUL",
			"{\"code\": \"A\\u0000B\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|code must not contain NUL",
			"{\"code\": \"TWO WORDS\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|code must be 1 to 64 letters, digits",
			"{\"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|code is required unless the promotion is automatic",
			"{\"code\": \"A\"}|application_method is required",
			"{\"code\": \"A\", \"application_method\": 5}|application_method must be an object",
			"{\"code\": \"A\", \"type\": \"buyget\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|type must be standard",
			"{\"code\": \"A\", \"campaign_id\": \"camp_1\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|campaign_id is not supported",
			"{\"code\": \"A\", \"rules\": [{\"attribute\": \"currency_code\", \"operator\": \"eq\", \"values\": \"usd\"}], \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|rules[0].attribute must be customer.groups.id",
			"{\"code\": \"A\", \"status\": \"live\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|status must be one of [draft, active, inactive]",
			"{\"code\": \"A\", \"starts_at\": \"2026-02-01T00:00:00Z\", \"ends_at\": \"2026-01-01T00:00:00Z\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|ends_at must be after starts_at",
			"{\"code\": \"A\", \"starts_at\": \"tomorrow\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|starts_at must be a date and time",
			"{\"code\": \"A\", \"limit\": 0, \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|limit must be between 1 and",
			"{\"code\": \"A\", \"limit_per_customer\": 1.5, \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|limit_per_customer must be a whole number",
			"{\"code\": \"A\", \"is_combinable\": \"yes\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|is_combinable must be true or false",
			"{\"code\": \"A\", \"minimum_subtotals\": [{\"currency_code\": \"usd\", \"amount\": 5}, {\"currency_code\": \"USD\", \"amount\": 6}], \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|minimum_subtotals[1].currency_code appears more than once",
			"{\"code\": \"A\", \"minimum_subtotals\": [{\"currency_code\": \"usd\", \"amount\": -5}], \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|minimum_subtotals[0].amount must not be negative",
			"{\"code\": \"A\", \"colour\": \"red\", \"application_method\": {\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}|Unrecognized fields: 'colour'",
			"[1, 2]|must be a JSON object",
			"{\"code\": |must be a JSON object",
	})
	void refusesBadPromotionBodiesNamingTheProblem(String testCase) {
		String body = testCase.substring(0, testCase.lastIndexOf('|'));
		String expected = testCase.substring(testCase.lastIndexOf('|') + 1);
		long before = admin.get("/admin/promotions?limit=0").body().path("count").asLong();
		Answer answer = admin.post("/admin/promotions", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
		assertThat(answer.type()).isEqualTo("invalid_data");
		assertThat(answer.message()).contains(expected);
		assertThat(admin.get("/admin/promotions?limit=0").body().path("count").asLong()).isEqualTo(before);
	}

	@Test
	void refusesBadUpdatesAndLeavesThePromotionAsItWas() {
		Answer created = admin.post("/admin/promotions", "{\"code\": \"upd-" + run + "\", \"application_method\": "
				+ "{\"type\": \"percentage\", \"target_type\": \"order\", \"value\": 5}}");
		String id = created.body().path("promotion").path("id").asString();
		for (String bad : List.of("{\"application_method\": {\"value\": 150}}", "{\"application_method\": {\"type\": \"fixed\"}}",
				"{\"code\": null}", "{\"status\": \"gone\"}", "{\"nope\": 1}", "{\"application_method\": {\"nope\": 1}}")) {
			Answer answer = admin.post("/admin/promotions/" + id, bad);
			assertThat(answer.status()).as(bad + " " + answer.raw()).isEqualTo(400);
			assertThat(answer.type()).isEqualTo("invalid_data");
		}
		assertThat(admin.get("/admin/promotions/" + id).body()).isEqualTo(created.body());
		assertThat(admin.get("/admin/promotions/promo_nonexistent").status()).isEqualTo(404);
	}

	@Test
	void theDemoStoreOffersItsThreeCodes() {
		Currency usd = Currency.getInstance("USD");
		List<Promotion> demo = promotions.forCodes(List.of("welcome10", "FREESHIP", "save5"), Instant.now(), usd);
		assertThat(demo).extracting(Promotion::code).containsExactly("WELCOME10", "FREESHIP", "SAVE5");
		// 10 % off 60.00, then 5.00 off the 54.00 left, and free shipping from 50.00 of items.
		DiscountContext cart = new DiscountContext(usd, List.of(new DiscountLine("li_1", "prod_1", null, List.of(), 2,
				Money.of("60.00", "USD"), true)), List.of(new DiscountShipping("sm_1", Money.of("8.00", "USD"))), null);
		Discounts d = PromotionCalculator.calculate(cart, demo);
		assertThat(d.on("li_1", usd)).isEqualTo(Money.of("11.00", "USD"));
		assertThat(d.on("sm_1", usd)).isEqualTo(Money.of("8.00", "USD"));
		JsonNode listed = admin.get("/admin/promotions?code=WELCOME10").body();
		assertThat(listed.path("promotions").get(0).path("application_method").path("target_type").asString())
			.isEqualTo("order");
		assertThat(promotions.automatic(Instant.now(), usd)).noneMatch(p -> p.code() != null && p.code().equals("WELCOME10"));
	}
}
