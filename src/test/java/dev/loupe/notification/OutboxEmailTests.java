package dev.loupe.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.platform.Ids;
import dev.loupe.platform.ScheduledJobs;
import dev.loupe.pricing.PriceSetup;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The default configuration (no email provider): the checkout completes and its confirmation, rendered in full, is
 * kept in the outbox for viewing; nothing is scheduled for delivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutboxEmailTests {

	@LocalServerPort
	int port;

	@Autowired
	Markets markets;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	CatalogImport catalog;

	@Autowired
	PriceSetup prices;

	@Autowired
	StockSetup stock;

	@Autowired
	Notifications notifications;

	@Autowired
	OrderEmails orderEmails;

	@Autowired
	ScheduledJobs jobs;

	@Test
	void withoutAProviderTheOrderConfirmationStaysInTheOutbox() {
		EmailShop shop = EmailShop.create(port, markets, marketSetup, catalog, prices, stock);
		String shopper = "outbox-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
		JsonNode order = shop.buyLamp(shopper);

		List<Message> messages = await().atMost(Duration.ofSeconds(10))
			.until(() -> notifications.to(shopper, 5), l -> !l.isEmpty());
		Message confirmation = messages.getFirst();
		assertThat(confirmation.template()).isEqualTo("order-confirmation");
		assertThat(confirmation.status()).isEqualTo("outbox");
		assertThat(confirmation.provider()).isEqualTo("outbox");
		assertThat(confirmation.attempts()).isZero();
		assertThat(confirmation.subject()).isEqualTo("Your Loupe order #" + order.path("display_id").asLong());
		assertThat(confirmation.bodyText()).contains("Total: $26.80");
		assertThat(confirmation.bodyHtml()).contains("$26.80", "/account/orders/" + order.path("id").asString());
		assertThat(orderEmails.confirm(order.path("id").asString())).isEmpty();
		assertThat(notifications.to(shopper, 5)).hasSize(1);
		assertThat(jobs.list("send-email", 500)).noneMatch(j -> j.instance().equals(confirmation.id()));
	}
}
