package dev.loupe.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.platform.Ids;
import dev.loupe.pricing.PriceSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Email over SMTP to a real SMTP server (GreenMail): an order placed through the Store API is confirmed by an email
 * with a text and an HTML part, its totals and its link, sent once by the delivery task after the checkout
 * committed; with the SMTP server down the checkout still succeeds and the email follows when the server is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"loupe.mail.from=Quokka Shop <shop@quokka.test>", "loupe.mail.store-name=Quokka Shop",
		"loupe.mail.retry-backoff=1s", "loupe.mail.max-attempts=20", "db-scheduler.polling-interval=500ms" })
@ActiveProfiles("test")
// Closed afterwards: its delivery task must not pick up the messages of a test context with another provider
// (the test contexts share one database).
@DirtiesContext
class SmtpDeliveryTests {

	static final int SMTP_PORT = freePort();
	static GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void smtpUrl(DynamicPropertyRegistry registry) {
		registry.add("loupe.mail.smtp-url", () -> "smtp://shop%40quokka.test:s3cret@127.0.0.1:" + SMTP_PORT + "?tls=none");
	}

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
	JdbcClient jdbc;

	@Autowired
	OrderEmails orderEmails;

	@Autowired
	dev.loupe.platform.ScheduledJobs jobs;

	@Autowired
	com.github.kagkarlsson.scheduler.SchedulerClient scheduler;

	@Autowired
	com.github.kagkarlsson.scheduler.task.helper.OneTimeTask<Void> reviewRequestTask;

	EmailShop shop;

	@BeforeEach
	void setUp() {
		shop = EmailShop.create(port, markets, marketSetup, catalog, prices, stock);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void anOrderIsConfirmedByEmailWithTextAndHtmlParts() throws Exception {
		String shopper = "sam-" + run() + "@example.com";
		JsonNode order = shop.buyLamp(shopper);
		String orderId = order.path("id").asString();

		MimeMessage mail = awaitMail(shopper);
		assertThat(mail.getSubject()).isEqualTo("Your Quokka Shop order #" + order.path("display_id").asLong());
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Quokka Shop <shop@quokka.test>");
		Map<String, String> parts = parts(mail);
		assertThat(parts).containsOnlyKeys("text/plain", "text/html");
		// A guest's order opens through the order lookup, pre-filled with its number and email.
		String link = "http://localhost:" + port + "/order/lookup?number=" + order.path("display_id").asLong() + "&email="
				+ java.net.URLEncoder.encode(shopper, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(parts.get("text/plain")).contains("1 × Mail Lamp", "Subtotal: $19.99", "Shipping (Standard): $5.00",
				"Tax: $1.81", "Total: $26.80", "View your order: " + link, "Springfield");
		assertThat(parts.get("text/html")).contains("$19.99", "$5.00", "$1.81", "$26.80", "href=\"" + link.replace("&", "&amp;") + "\"",
				"/products/" + shop.lampHandle(), "Quokka Shop");

		Message message = messages(shopper).getFirst();
		assertThat(message.status()).isEqualTo("sent");
		assertThat(message.provider()).isEqualTo("smtp");
		assertThat(message.attempts()).isEqualTo(1);
		assertThat(message.template()).isEqualTo("order-confirmation");
		assertThat(mail.getMessageID()).isEqualTo("<" + message.id() + "@quokka.test>").isEqualTo(message.providerMessageId());

		// Queuing it again (an event delivered twice) sends nothing more.
		assertThat(orderEmails.confirm(orderId)).isEmpty();
		Thread.sleep(1500);
		assertThat(received(shopper)).hasSize(1);
		assertThat(messages(shopper)).hasSize(1);
	}

	@Test
	void theCheckoutSucceedsWhileSmtpIsDownAndTheEmailFollowsWhenItIsBack() throws Exception {
		String shopper = "down-" + run() + "@example.com";
		smtp.stop();
		try {
			JsonNode order = shop.buyLamp(shopper);
			assertThat(order.path("status").asString()).isEqualTo("pending");
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Message m = messages(shopper).getFirst();
				assertThat(m.attempts()).isGreaterThanOrEqualTo(1);
				assertThat(m.status()).isEqualTo("pending");
				assertThat(m.lastError()).isNotBlank();
				assertThat(m.nextAttemptAt()).isNotNull();
			});
		}
		finally {
			smtp = startSmtp();
		}
		MimeMessage mail = awaitMail(shopper);
		assertThat(parts(mail).get("text/plain")).contains("Total: $26.80");
		Message sent = messages(shopper).getFirst();
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
		assertThat(sent.lastError()).isNull();
		assertThat(received(shopper)).hasSize(1);
	}

	@Test
	void shippingDeliveryAndReviewRequestFollowTheOrder() throws Exception {
		String shopper = "ship-" + run() + "@example.com";
		JsonNode order = shop.buyLamp(shopper);
		String orderId = order.path("id").asString();
		awaitMail(shopper);
		String tracking = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490";
		assertThat(orderEmails.shipped(orderId, "ful_" + run(), "USPS", "9400111899223197428490", tracking)).isPresent();
		String fulfillment = "ful_" + run();
		Instant deliveredAt = Instant.now();
		assertThat(orderEmails.delivered(orderId, fulfillment, deliveredAt)).isPresent();
		// The carrier's event arrives twice: nothing more is sent, and the review request stays one job, due
		// LOUPE_REVIEW_REQUEST_DELAY (7 days) after delivery.
		assertThat(orderEmails.delivered(orderId, fulfillment, deliveredAt.plusSeconds(60))).isEmpty();
		var reviewJobs = jobs.list("review-request", 500).stream().filter(j -> j.instance().equals(orderId)).toList();
		assertThat(reviewJobs).hasSize(1);
		assertThat(Duration.between(deliveredAt.plus(Duration.ofDays(7)), reviewJobs.getFirst().dueAt()).abs())
			.isLessThan(Duration.ofSeconds(1));
		// The job, run as if due (here, not in 7 days; the other test contexts' schedulers share the database), queues
		// the review request once however often it runs.
		scheduler.cancel(dev.loupe.notification.internal.ReviewRequests.TASK.instanceId(orderId));
		var instance = new com.github.kagkarlsson.scheduler.task.TaskInstance<Void>("review-request", orderId);
		reviewRequestTask.execute(instance, null);
		reviewRequestTask.execute(instance, null);

		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30))
			.until(() -> received(shopper), l -> l.size() >= 4);
		Thread.sleep(1500);
		mails = received(shopper);
		assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
				"Your Quokka Shop order #" + order.path("display_id").asLong(),
				"Your Quokka Shop order #" + order.path("display_id").asLong() + " is on its way",
				"Your Quokka Shop order #" + order.path("display_id").asLong() + " was delivered",
				"How do you like your order from Quokka Shop?");
		MimeMessage shipped = mails.stream().filter(m -> subject(m).endsWith("is on its way")).findFirst().orElseThrow();
		assertThat(parts(shipped).get("text/html")).contains("href=\"" + tracking + "\"", "9400111899223197428490");
		MimeMessage review = mails.stream().filter(m -> subject(m).startsWith("How do")).findFirst().orElseThrow();
		assertThat(parts(review).get("text/plain")).contains("/products/" + shop.lampHandle() + "#reviews");
		assertThat(messages(shopper)).extracting(Message::template).containsExactlyInAnyOrder("order-confirmation",
				"shipping-confirmation", "delivery-notification", "review-request");
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<Message> messages(String recipient) {
		return jdbc.sql("select * from notification.message where recipient = ? order by created_at")
			.param(recipient)
			.query(Message::map)
			.list();
	}

	private MimeMessage awaitMail(String recipient) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> received(recipient), l -> !l.isEmpty()).getFirst();
	}

	private static List<MimeMessage> received(String recipient) throws Exception {
		List<MimeMessage> to = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(recipient)) {
				to.add(m);
			}
		}
		return to;
	}

	/** The leaf parts by content type (text/plain, text/html), however the multiparts nest. */
	static Map<String, String> parts(Part part) throws Exception {
		Map<String, String> found = new java.util.TreeMap<>();
		collect(part, found);
		return found;
	}

	private static void collect(Part part, Map<String, String> found) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, found);
			}
		}
		else {
			found.put(part.getContentType().split(";")[0].toLowerCase(Locale.ROOT).strip(), content.toString());
		}
	}

	private static String run() {
		return Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
	}

	private static GreenMail startSmtp() {
		GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.setUser("shop@quokka.test", "shop@quokka.test", "s3cret");
		mail.start();
		return mail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
