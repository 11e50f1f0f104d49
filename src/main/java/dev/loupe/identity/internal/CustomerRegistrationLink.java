package dev.loupe.identity.internal;

import dev.loupe.customer.CustomerRegistered;
import dev.loupe.identity.EmailVerifications;
import dev.loupe.identity.Logins;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links a login to the customer its registration token created, in the same transaction: storefronts log in or
 * refresh right after {@code POST /store/customers}, so the link must exist when that request returns, and a
 * registration that was already used rolls the second customer back. The new customer is sent a link to verify their
 * email (an outbox message, in the same transaction).
 */
@Component
class CustomerRegistrationLink {

	private final Logins logins;
	private final EmailVerifications verifications;

	CustomerRegistrationLink(Logins logins, EmailVerifications verifications) {
		this.logins = logins;
		this.verifications = verifications;
	}

	@EventListener
	void on(CustomerRegistered event) {
		logins.link(event.authIdentityId(), event.customerId());
		verifications.request(event.authIdentityId());
	}
}
