package dev.loupe.payment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments.
 *
 * @param authorizationTimeout how long a provider may take to authorise before the session counts as failed
 *        ({@code LOUPE_PAYMENT_AUTHORIZATION_TIMEOUT})
 * @param authorizingLease how long an authorisation in flight keeps other callers away; after it, the process that
 *        took it is presumed dead and the next caller may take over ({@code LOUPE_PAYMENT_AUTHORIZING_LEASE}). Must
 *        exceed the timeout.
 * @param providerTimeout how long a provider may take to initiate, capture, refund or cancel
 *        ({@code LOUPE_PAYMENT_PROVIDER_TIMEOUT})
 */
@ConfigurationProperties("loupe.payment")
public record PaymentProperties(@DefaultValue("20s") Duration authorizationTimeout,
		@DefaultValue("2m") Duration authorizingLease, @DefaultValue("30s") Duration providerTimeout) {

	public PaymentProperties {
		if (authorizationTimeout.isNegative() || authorizationTimeout.isZero()) {
			throw new IllegalArgumentException("loupe.payment.authorization-timeout must be positive");
		}
		if (authorizingLease.compareTo(authorizationTimeout) <= 0) {
			throw new IllegalArgumentException(
					"loupe.payment.authorizing-lease must be longer than loupe.payment.authorization-timeout");
		}
		if (providerTimeout.isNegative() || providerTimeout.isZero()) {
			throw new IllegalArgumentException("loupe.payment.provider-timeout must be positive");
		}
	}
}
