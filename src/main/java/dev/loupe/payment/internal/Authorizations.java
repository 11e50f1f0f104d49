package dev.loupe.payment.internal;

import dev.loupe.payment.AuthorizedPayment;
import dev.loupe.payment.PaymentAuthorizationException;
import dev.loupe.payment.PaymentAuthorized;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentProvider;
import dev.loupe.payment.PaymentProviderException;
import dev.loupe.payment.PaymentSession;
import dev.loupe.payment.PaymentSessionStatus;
import dev.loupe.payment.ProviderResult;
import dev.loupe.payment.ProviderSession;
import dev.loupe.payment.PaymentProviders;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorisation of a collection in three steps, so that no database transaction stays open while a provider is
 * called: (1) a short transaction locks the collection, checks it and takes its lease
 * ({@code authorizing_session_id}, {@code authorizing_since}); (2) the provider is called with a time limit; (3) a
 * second short transaction writes the outcome and releases the lease. A caller that finds the lease held waits for
 * the outcome instead of calling the provider again; a lease older than {@code loupe.payment.authorizing-lease}
 * was left by a process that died and is taken over, with the same provider idempotency key (ADR 009).
 */
@Component
public class Authorizations {

	private static final Logger log = LoggerFactory.getLogger(Authorizations.class);
	private static final long WAIT_STEP_MILLIS = 25;

	private final PaymentRows rows;
	private final PaymentProviders providers;
	private final ProviderCalls calls;
	private final PaymentProperties properties;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;

	Authorizations(PaymentRows rows, PaymentProviders providers, ProviderCalls calls, PaymentProperties properties,
			TransactionTemplate tx, ApplicationEventPublisher events) {
		this.rows = rows;
		this.providers = providers;
		this.calls = calls;
		this.properties = properties;
		this.tx = tx;
		this.events = events;
	}

	private sealed interface Claim {
	}

	private record Done(AuthorizedPayment payment) implements Claim {
	}

	private record Busy() implements Claim {
	}

	private record Mine(PaymentSession session) implements Claim {
	}

	private record Failed(PaymentAuthorizationException failure) implements Claim {
	}

	public AuthorizedPayment authorize(String collectionId, Money expectedAmount, String idempotencyKey) {
		long deadline = System.nanoTime() + properties.authorizationTimeout().plusSeconds(5).toNanos();
		while (true) {
			Claim claim = tx.execute(status -> claim(collectionId, expectedAmount));
			switch (claim) {
				case Done done -> {
					return done.payment();
				}
				case Mine mine -> {
					Claim outcome = callProvider(collectionId, mine.session(), idempotencyKey);
					if (outcome instanceof Done done) {
						return done.payment();
					}
					throw ((Failed) outcome).failure();
				}
				case Failed failed -> throw failed.failure();
				case Busy busy -> {
					if (System.nanoTime() > deadline) {
						throw LoupeException.conflict("Payment collection " + collectionId
								+ " is being authorised by another request; try again shortly");
					}
					pause();
				}
			}
		}
	}

	private Claim claim(String collectionId, Money expectedAmount) {
		CollectionRow row = rows.lockCollection(collectionId)
			.orElseThrow(() -> LoupeException.notFound("Payment collection", collectionId));
		if (row.status() == PaymentCollectionStatus.AUTHORIZED || row.status() == PaymentCollectionStatus.COMPLETED) {
			return done(row);
		}
		row.status().requireCanBecome(PaymentCollectionStatus.AUTHORIZED, row.id());
		if (!row.amount().equals(expectedAmount)) {
			throw LoupeException.notAllowed("Payment collection " + row.id() + " is for " + row.amount() + " but "
					+ expectedAmount + " is to be paid; update the collection (forCart) before authorising");
		}
		if (rows.leaseHeld(row.id(), properties.authorizingLease())) {
			return new Busy();
		}
		List<PaymentSession> open = rows.sessions(row.id()).stream().filter(s -> s.status().isAuthorizable()).toList();
		if (open.isEmpty()) {
			String last = rows.sessions(row.id()).stream()
				.filter(s -> s.status() == PaymentSessionStatus.ERROR)
				.reduce((a, b) -> b)
				.map(s -> " (its last session, " + s.id() + ", failed)")
				.orElse("");
			return new Failed(new PaymentAuthorizationException(row.id(), null, null,
					"Payment collection " + row.id() + " has no payment session to authorise" + last
							+ "; initiate a payment session first"));
		}
		PaymentSession session = open.getLast();
		rows.takeLease(row.id(), session.id());
		rows.record(row.id(), session.id(), session.status().code(), "authorizing",
				row.authorizingSince() == null ? null
						: "lease of " + row.authorizingSessionId() + " from " + row.authorizingSince() + " expired");
		return new Mine(session);
	}

	private Claim callProvider(String collectionId, PaymentSession session, String idempotencyKey) {
		String key = (idempotencyKey == null || idempotencyKey.isBlank() ? collectionId : idempotencyKey) + ":"
				+ session.id() + ":authorize";
		ProviderResult result = null;
		String failure = null;
		PaymentProvider provider = providers.find(session.providerId()).orElse(null);
		if (provider == null) {
			failure = "payment provider " + session.providerId() + " is no longer configured";
		}
		else {
			Duration timeout = properties.authorizationTimeout();
			try {
				ProviderSession asked = new ProviderSession(session.id(), collectionId, session.amount(), session.data(),
						session.context());
				result = calls.call("Payment provider " + provider.id(), timeout, () -> provider.authorize(asked, key));
			}
			catch (PaymentProviderException e) {
				failure = e.getMessage();
			}
		}
		ProviderResult answered = result;
		String failed = failure;
		Claim outcome = tx.execute(status -> finish(collectionId, session, answered, failed, idempotencyKey));
		if (failure != null && provider != null && outcome instanceof Failed) {
			// A call that timed out may still have reserved money at the provider: release it.
			dropAtProvider(provider, new ProviderSession(session.id(), collectionId, session.amount(), session.data(),
					session.context()));
		}
		return outcome;
	}

	private void dropAtProvider(PaymentProvider provider, ProviderSession session) {
		try {
			calls.call("Payment provider " + provider.id(), properties.providerTimeout(), () -> {
				provider.cancel(session, session.sessionId() + ":cancel");
				return null;
			});
		}
		catch (PaymentProviderException e) {
			log.warn("Payment provider {} could not drop failed session {}: {}", provider.id(), session.sessionId(),
					e.getMessage());
		}
	}

	private Claim finish(String collectionId, PaymentSession asked, ProviderResult result, String failure,
			String idempotencyKey) {
		CollectionRow row = rows.lockCollection(collectionId).orElseThrow();
		if (row.status() == PaymentCollectionStatus.AUTHORIZED || row.status() == PaymentCollectionStatus.COMPLETED) {
			// A request that took over an expired lease got there first.
			return done(row);
		}
		PaymentSession session = rows.sessions(collectionId).stream()
			.filter(s -> s.id().equals(asked.id()))
			.findFirst()
			.orElseThrow();
		if (asked.id().equals(row.authorizingSessionId())) {
			rows.releaseLease(collectionId);
		}
		PaymentSessionStatus next = failure != null ? PaymentSessionStatus.ERROR : switch (result.status()) {
			case AUTHORIZED -> PaymentSessionStatus.AUTHORIZED;
			case REQUIRES_MORE -> PaymentSessionStatus.REQUIRES_MORE;
			default -> PaymentSessionStatus.ERROR;
		};
		String message = failure != null ? failure
				: result.message() != null ? result.message()
						: next == PaymentSessionStatus.REQUIRES_MORE ? "the payment requires more action from the customer"
								: next == PaymentSessionStatus.ERROR ? "the provider answered " + result.status().code()
										: null;
		if (!session.status().canBecome(next)) {
			log.warn("Payment session {} of {} is {} by now; the provider's answer ({}) is not recorded", session.id(),
					collectionId, session.status().code(), next.code());
			return new Failed(new PaymentAuthorizationException(collectionId, session.id(), session.status(),
					"Payment session " + session.id() + " is " + session.status().code() + " and was not authorised"));
		}
		if (next != PaymentSessionStatus.AUTHORIZED) {
			rows.setSessionStatus(session.id(), next, result == null ? null : result.data());
			rows.record(collectionId, session.id(), "authorizing", next.code(), message);
			return new Failed(new PaymentAuthorizationException(collectionId, session.id(), next,
					"Payment authorization failed: " + message));
		}
		row.status().requireCanBecome(PaymentCollectionStatus.AUTHORIZED, collectionId);
		rows.setSessionStatus(session.id(), PaymentSessionStatus.AUTHORIZED, result.data());
		String paymentId = Ids.next("pay");
		rows.insertPayment(paymentId, collectionId, session, result.data(), idempotencyKey);
		rows.setAuthorized(collectionId, session.amount());
		rows.record(collectionId, List.of(
				new PaymentRows.Change(session.id(), "authorizing", PaymentSessionStatus.AUTHORIZED.code(), null),
				new PaymentRows.Change(paymentId, null, "authorized", null),
				new PaymentRows.Change(collectionId, row.status().code(), PaymentCollectionStatus.AUTHORIZED.code(), null)));
		events.publishEvent(new PaymentAuthorized(paymentId, collectionId, row.cartId(), session.providerId(),
				session.amount()));
		return done(rows.collection(collectionId).orElseThrow());
	}

	private Done done(CollectionRow row) {
		PaymentCollection collection = rows.assemble(row);
		return new Done(new AuthorizedPayment(collection, collection.livePayment()
			.orElseThrow(() -> new IllegalStateException("Authorised collection " + row.id() + " has no payment"))));
	}

	private static void pause() {
		try {
			Thread.sleep(WAIT_STEP_MILLIS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw LoupeException.conflict("Interrupted while waiting for an authorisation in progress");
		}
	}
}
