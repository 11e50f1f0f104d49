package dev.loupe.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.StripeClient;
import dev.loupe.payment.PaymentRequest;
import dev.loupe.payment.PaymentSessionStatus;
import dev.loupe.payment.ProviderPayment;
import dev.loupe.payment.ProviderResult;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code STRIPE_CAPTURE=automatic}: the provider alone against WireMock (no application context). Intents are made
 * with automatic capture; a payment Stripe captured is not captured again; voiding it refunds it in full.
 */
class StripeAutomaticCaptureTests {

	WireMockServer stripe;
	StripePaymentProvider provider;

	@BeforeEach
	void start() {
		stripe = new WireMockServer(options().dynamicPort());
		stripe.start();
		StripeProperties properties = new StripeProperties("sk_test_auto", "", "pk_test_auto", "automatic",
				stripe.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(300));
		provider = new StripePaymentProvider(StripeClient.builder().setApiKey(properties.apiKey())
			.setApiBase(properties.apiBase()).setMaxNetworkRetries(0).build(), properties);
	}

	@AfterEach
	void stop() {
		stripe.stop();
	}

	@Test
	void intentsAreCapturedByStripeAndVoidingOneRefundsIt() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(StripeTestSupport.json(200,
				StripeTestSupport.intentJson("pi_auto", 2500, "eur", "requires_payment_method", null))));
		ProviderResult started = provider.initiate(new PaymentRequest("payses_auto", "pay_col_auto",
				Money.of("25.00", "EUR"), Map.of(), Map.of("cart_id", "cart_auto"), "payses_auto"));
		assertThat(started.status()).isEqualTo(PaymentSessionStatus.PENDING);
		assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).getFirst().getBodyAsString())
			.contains("capture_method=automatic", "amount=2500", "currency=eur");

		ProviderPayment captured = new ProviderPayment("pay_auto", "payses_auto", Money.of("25.00", "EUR"),
				Map.of("id", "pi_auto", "status", "succeeded"));
		int before = stripe.findAll(anyRequestedFor(anyUrl())).size();
		assertThat(provider.capture(captured, Money.of("25.00", "EUR"), "pay_auto:capture:k").status())
			.isEqualTo(PaymentSessionStatus.AUTHORIZED);
		assertThat(stripe.findAll(anyRequestedFor(anyUrl()))).as("no capture request").hasSize(before);

		stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(StripeTestSupport.json(200, """
				{"id": "re_auto", "object": "refund", "amount": 2500, "currency": "eur", "payment_intent": "pi_auto",
				 "status": "succeeded"}""")));
		provider.cancel(captured, "pay_auto:cancel");
		assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).singleElement().satisfies(r -> {
			assertThat(r.getBodyAsString()).contains("payment_intent=pi_auto").doesNotContain("amount=");
			assertThat(r.getHeader("Idempotency-Key")).isEqualTo("pay_auto:cancel:refund");
		});
		assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_auto/cancel")))).isEmpty();
	}
}
