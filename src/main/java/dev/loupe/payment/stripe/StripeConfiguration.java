package dev.loupe.payment.stripe;

import com.stripe.StripeClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe exists when {@code STRIPE_API_KEY} is set: a client and the provider {@code pp_stripe_stripe}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${loupe.stripe.api-key:}'.isBlank()")
class StripeConfiguration {

	@Bean
	StripeClient stripeClient(StripeProperties properties) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(properties.apiKey())
			.setConnectTimeout((int) properties.connectTimeout().toMillis())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			.setMaxNetworkRetries(properties.maxNetworkRetries());
		if (!properties.apiBase().isBlank()) {
			builder.setApiBase(properties.apiBase());
		}
		return builder.build();
	}

	@Bean
	StripePaymentProvider stripePaymentProvider(StripeClient stripeClient, StripeProperties properties) {
		return new StripePaymentProvider(stripeClient, properties);
	}
}
