package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.fulfillment.EasyPostStub;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.market.Markets;
import dev.loupe.platform.Ids;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Buy label" in the fulfilment panel with EasyPost configured (its official client against WireMock playing
 * EasyPost's API): the warehouse buys the label of a fulfilment once (a second click keeps it), the panel shows the
 * tracking number and the label link, a labelled fulfilment cannot be canceled, and shipping it without typing
 * anything keeps the label's tracking for the shipping email.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own configuration (EasyPost on): closed after the class, so its scheduler does not run other contexts' tasks.
@DirtiesContext
class BackOfficeLabelTests {

	private static final String PASSWORD = "a long staff passphrase";
	static final EasyPostStub EASYPOST = new EasyPostStub();

	@DynamicPropertySource
	static void easyPost(DynamicPropertyRegistry registry) {
		registry.add("loupe.easypost.api-key", () -> "EZTK_test_key");
		registry.add("loupe.easypost.api-base", EASYPOST::url);
		registry.add("loupe.easypost.timeout", () -> "5s");
		registry.add("loupe.warehouse.name", () -> "Loupe Warehouse");
		registry.add("loupe.warehouse.street1", () -> "417 Montgomery Street");
		registry.add("loupe.warehouse.city", () -> "San Francisco");
		registry.add("loupe.warehouse.state", () -> "CA");
		registry.add("loupe.warehouse.zip", () -> "94104");
	}

	@AfterAll
	static void stopEasyPost() {
		EASYPOST.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Markets markets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWarehouseBuysALabelOnceAndShipsWithItsTracking() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String email = "label-" + run + "@loupe.test";
		staff.create(email, PASSWORD, StaffRole.WAREHOUSE, "Test", "warehouse");
		DemoPurchases.Placed placed = new DemoPurchases(port, jdbc, markets.firstPublishableKeyToken().orElseThrow())
			.buy("lena.label-" + run + "@example.com", "Lena", 1);
		String page = "/app/orders/" + placed.id();
		BackOfficeClient warehouse = new BackOfficeClient(port);
		assertThat(warehouse.signIn(email, PASSWORD).status()).isEqualTo(302);
		String line = jdbc.sql("select id from orders.line_item where order_id = ?").param(placed.id())
			.query(String.class).single();
		Matcher key = Pattern.compile("name=\"idempotency_key\" value=\"([A-Za-z0-9]+)\"")
			.matcher(warehouse.get(page).body());
		assertThat(key.find()).isTrue();
		warehouse.submit(page + "/fulfillments", Map.of("quantity_" + line, "1", "idempotency_key", key.group(1)));
		String ful = jdbc.sql("select id from fulfillment.fulfillment where order_id = ?").param(placed.id())
			.query(String.class).single();
		String shown = warehouse.get(page).body();
		assertThat(shown).contains("Buy label").doesNotContain("Labels need EasyPost");

		Page bought = warehouse.submit(page + "/fulfillments/" + ful + "/label", Map.of());
		assertThat(bought.status()).isEqualTo(302);
		String labelled = warehouse.get(page).body();
		assertThat(labelled).contains("Label bought: tracking number " + EasyPostStub.TRACKING).contains("Print label")
			.doesNotContain(">Buy label<").doesNotContain("data-dialog=\"cancel-" + ful + "\"");
		warehouse.submit(page + "/fulfillments/" + ful + "/label", Map.of());
		assertThat(warehouse.get(page).body()).contains("already has a label");
		assertThat(audited(placed.id(), "fulfillment.label_bought")).isEqualTo(1);
		assertThat(EASYPOST.server.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v2/shipments/[^/]+/buy"))))
			.hasSize(1);

		warehouse.submit(page + "/fulfillments/" + ful + "/cancel", Map.of());
		assertThat(warehouse.get(page).body()).contains("has a bought label");

		warehouse.submit(page + "/fulfillments/" + ful + "/ship", Map.of("carrier", "", "tracking_number", "",
				"tracking_url", ""));
		assertThat(warehouse.get(page).body()).contains("Fulfilment marked shipped.");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from notification.message where recipient = ? and template = 'shipping-confirmation'
				and body_text like ?""").params(placed.email(), "%" + EasyPostStub.TRACKING + "%").query(Long.class)
			.single() == 1);
	}

	private long audited(String orderId, String action) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and resource_id = ?").params(action, orderId)
			.query(Long.class).single();
	}
}
