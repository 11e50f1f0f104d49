package dev.loupe.identity;

import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.platform.TooManyRequestsException;
import org.springframework.stereotype.Service;

/**
 * Limits guessing through the guest order lookup (order number plus email, a credential of sorts): at most
 * {@value #PER_ADDRESS} failed lookups per client address and {@value #PER_ORDER} per order number in 15 minutes,
 * counted by the login limiter apart from failed logins. Over the limit, {@link #check} refuses with 429 before the
 * order is looked up.
 */
@Service
public class GuestOrderLookups {

	static final int PER_ADDRESS = 10;
	static final int PER_ORDER = 10;
	private static final String KIND = "order-lookup:";

	private final LoginThrottle throttle;

	GuestOrderLookups(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	/** Throws {@link TooManyRequestsException} when this address or this order number has failed too often. */
	public void check(String address, String orderNumber) {
		throttle.check(KIND, address, orderNumber, PER_ADDRESS, PER_ORDER,
				"Too many order lookups that did not match. For your security, please wait 15 minutes and try again.");
	}

	public void failed(String address, String orderNumber) {
		throttle.failed(KIND, address, orderNumber);
	}

	public void succeeded(String orderNumber) {
		throttle.succeeded(KIND, orderNumber);
	}

	/** Forgets an address's failed lookups (an operator unblocking a shop's own network; tests). */
	public void forgetAddress(String address) {
		throttle.forgetAddress(KIND, address);
	}
}
