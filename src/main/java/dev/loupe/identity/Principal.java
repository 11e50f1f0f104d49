package dev.loupe.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who a request comes from, as proven by a token or session: a customer or a staff user, through an auth identity
 * (an email and password). A registration token has an auth identity but no actor yet ({@link #registered()} false):
 * it may only create the customer.
 *
 * @param actorId the customer ({@code cus_…}) or staff user id; empty for a registration token
 * @param sessionId the server-side session a staff token belongs to (revoking it ends the token), else null
 */
public record Principal(ActorType actorType, String actorId, String authIdentityId, String email, String sessionId) {

	public Principal(ActorType actorType, String actorId, String authIdentityId, String email) {
		this(actorType, actorId, authIdentityId, email, null);
	}

	/** The request attribute under which the authentication filter puts the caller's principal. */
	public static final String ATTRIBUTE = Principal.class.getName();

	public enum ActorType {
		CUSTOMER, USER;

		public String code() {
			return this == CUSTOMER ? "customer" : "user";
		}
	}

	public boolean registered() {
		return actorId != null && !actorId.isEmpty();
	}

	/** The authenticated caller of a request, if any. */
	public static Optional<Principal> of(HttpServletRequest request) {
		return Optional.ofNullable((Principal) request.getAttribute(ATTRIBUTE));
	}

	/** The registered customer calling, if the caller is one. */
	public static Optional<String> customerId(HttpServletRequest request) {
		return of(request).filter(p -> p.actorType() == ActorType.CUSTOMER && p.registered()).map(Principal::actorId);
	}
}
