package dev.loupe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.payment.PaymentProviders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The default configuration has no Stripe: no provider, and its webhook route answers 404 without storing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhooksWithoutKeysTests {

	@LocalServerPort
	int port;

	@Autowired
	PaymentProviders providers;

	@Test
	void withoutKeysThereIsNoStripeAndItsWebhookIsNotFound() throws Exception {
		assertThat(providers.has("pp_stripe_stripe")).isFalse();
		assertThat(providers.has("pp_system_default")).isTrue();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"))
			.header("Stripe-Signature", "t=1,v1=00")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("not_found");
	}
}
