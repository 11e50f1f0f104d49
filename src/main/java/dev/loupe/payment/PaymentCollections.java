package dev.loupe.payment;

import dev.loupe.payment.internal.Authorizations;
import dev.loupe.payment.internal.CollectionRow;
import dev.loupe.payment.internal.Movements;
import dev.loupe.payment.internal.PaymentProperties;
import dev.loupe.payment.internal.PaymentRows;
import dev.loupe.payment.internal.ProviderCalls;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment of carts, as the checkout uses it: one collection per cart, sessions with providers, authorisation,
 * cancellation (the checkout's compensation), captures and refunds. Providers are never called inside a database
 * transaction; each change of state is a short transaction that locks the collection (ADR 009). Illegal moves of
 * the state machines ({@link PaymentCollectionStatus}, {@link PaymentSessionStatus}) are {@code not_allowed}.
 */
@Service
public class PaymentCollections {

	private static final Logger log = LoggerFactory.getLogger(PaymentCollections.class);

	private final PaymentRows rows;
	private final PaymentProviders providers;
	private final Authorizations authorizations;
	private final Movements movements;
	private final ProviderCalls calls;
	private final PaymentProperties properties;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;

	PaymentCollections(PaymentRows rows, PaymentProviders providers, Authorizations authorizations, Movements movements,
			ProviderCalls calls, PaymentProperties properties, TransactionTemplate tx, ApplicationEventPublisher events) {
		this.rows = rows;
		this.providers = providers;
		this.authorizations = authorizations;
		this.movements = movements;
		this.calls = calls;
		this.properties = properties;
		this.tx = tx;
		this.events = events;
	}

	/**
	 * The cart's collection, created on first call. While nothing is authorised its amount follows {@code amount}
	 * (the cart's total), and so do its open sessions'; a new currency drops the open sessions. Concurrent first
	 * calls for one cart get the same collection. A canceled collection (a checkout voided its payment) is set aside
	 * and the cart gets a new one.
	 */
	public PaymentCollection forCart(String cartId, Money amount) {
		return follow(cartId, amount, true);
	}

	/** As {@link #forCart}, for a caller that does not need the collection back (it is not read again). */
	public void followCart(String cartId, Money amount) {
		follow(cartId, amount, false);
	}

	private PaymentCollection follow(String cartId, Money amount, boolean answer) {
		if (!Ids.isWellFormed(cartId)) {
			throw LoupeException.invalidData("cart_id must be a cart id, not '" + PaymentProviders.shown(cartId) + "'");
		}
		Money due = requireAmount(amount);
		List<PaymentSession> dropped = new java.util.ArrayList<>();
		PaymentCollection collection = tx.execute(status -> {
			// Usually the collection exists (every payment step after the first): lock it without trying an insert.
			CollectionRow row = rows.lockCollectionOfCart(cartId).orElseGet(() -> {
				rows.insertCollection(Ids.next("pay_col"), cartId, due);
				return rows.lockCollectionOfCart(cartId).orElseThrow();
			});
			boolean changed = false;
			if (row.status() == PaymentCollectionStatus.CANCELED) {
				changed = true;
				// A failed checkout voided it: the cart is still open and pays with a fresh collection.
				rows.retire(row.id());
				rows.insertCollection(Ids.next("pay_col"), cartId, due);
				row = rows.lockCollectionOfCart(cartId).orElseThrow();
			}
			if (row.status().isOpen() && !sameMoney(row.amount(), due)) {
				changed = true;
				rows.setAmount(row.id(), due);
				PaymentCollectionStatus next = row.status();
				if (row.amount().currency().equals(due.currency())) {
					rows.setOpenSessionAmounts(row.id(), due);
				}
				else {
					dropped.addAll(cancelOpenSessions(row, "currency changed to " + due.currencyCodeLower()));
					next = PaymentCollectionStatus.NOT_PAID;
					row.status().requireCanBecome(next, row.id());
					rows.setStatus(row.id(), next);
				}
				rows.record(row.id(), row.id(), row.status().code(), next.code(), "amount " + row.amount() + " -> " + due);
			}
			return !answer ? null : rows.assemble(changed ? rows.collection(row.id()).orElseThrow() : row);
		});
		// forCart may run inside the caller's transaction (a cart change): providers hear of it once it commits.
		afterCommit(() -> dropped.forEach(this::cancelAtProvider));
		return collection;
	}

	/** The id of the cart a collection pays for (one indexed read); empty for an unknown collection. */
	public Optional<String> cartIdOf(String collectionId) {
		return (Ids.hasPrefix(collectionId, "pay_col") ? rows.collection(collectionId) : Optional.<CollectionRow>empty())
			.map(CollectionRow::cartId);
	}

	/** A collection by id. */
	public Optional<PaymentCollection> find(String collectionId) {
		return (Ids.hasPrefix(collectionId, "pay_col") ? rows.collection(collectionId) : Optional.<CollectionRow>empty())
			.map(rows::assemble);
	}

	/** The collection of a cart, if it has one. */
	public Optional<PaymentCollection> findByCart(String cartId) {
		return (Ids.isWellFormed(cartId) ? rows.collectionOfCart(cartId) : Optional.<CollectionRow>empty())
			.map(rows::assemble);
	}

	/**
	 * Starts a session with a provider for the collection's amount, as Medusa does: the collection's other sessions
	 * that are not authorised are canceled, so at most one open session exists. The provider is asked first
	 * (outside any transaction); an unknown provider is {@code invalid_data}, a failing one a 502.
	 */
	public PaymentCollection initiateSession(String collectionId, String providerId, Map<String, Object> data,
			Map<String, Object> context) {
		requireNoTransaction("initiateSession");
		PaymentProvider provider = providers.require(providerId);
		CollectionRow row = open(collectionId);
		String sessionId = Ids.next("payses");
		PaymentRequest request = new PaymentRequest(sessionId, row.id(), row.amount(), data, context, sessionId);
		ProviderResult started;
		try {
			started = calls.call("Payment provider " + provider.id(), properties.providerTimeout(),
					() -> provider.initiate(request));
		}
		catch (PaymentProviderException e) {
			throw unavailable(provider, "start a payment", e);
		}
		if (!started.status().isAuthorizable()) {
			throw new LoupeException(ErrorType.UNEXPECTED_STATE, 502, "Payment provider " + provider.id()
					+ " could not start a payment: it answered " + started.status().code()
					+ (started.message() == null ? "" : " (" + started.message() + ")"));
		}
		ProviderSession providerSession = new ProviderSession(sessionId, row.id(), row.amount(), started.data(),
				request.context());
		List<PaymentSession> replaced;
		try {
			replaced = tx.execute(status -> {
				CollectionRow locked = open(row.id());
				if (rows.leaseHeld(locked.id(), properties.authorizingLease())) {
					throw LoupeException.conflict("Payment collection " + locked.id() + " is being authorised");
				}
				if (!sameMoney(locked.amount(), row.amount())) {
					throw LoupeException.conflict("The amount of payment collection " + locked.id()
							+ " changed meanwhile; start the payment session again");
				}
				List<PaymentSession> others = cancelOpenSessions(locked, "replaced by " + sessionId);
				rows.insertSession(sessionId, locked.id(), provider.id(), locked.amount(), started.status(),
						started.data(), request.context());
				rows.record(locked.id(), sessionId, null, started.status().code(), provider.id());
				locked.status().requireCanBecome(PaymentCollectionStatus.AWAITING, locked.id());
				if (locked.status() != PaymentCollectionStatus.AWAITING) {
					rows.setStatus(locked.id(), PaymentCollectionStatus.AWAITING);
					rows.record(locked.id(), locked.id(), locked.status().code(), "awaiting", null);
				}
				return others;
			});
		}
		catch (RuntimeException refused) {
			cancelAtProvider(providerSession, provider);
			throw refused;
		}
		replaced.forEach(this::cancelAtProvider);
		return find(row.id()).orElseThrow();
	}

	/**
	 * Authorises the collection's open session through its provider, for exactly {@code expectedAmount} (a different
	 * amount is refused with {@code not_allowed}: call {@link #forCart} with the new total first). Idempotent: an
	 * authorised collection answers its payment again and the provider is not called; concurrent calls lead to one
	 * provider call. A provider that declines, fails or takes longer than {@code loupe.payment.authorization-timeout}
	 * leaves the session in {@code error} (or {@code requires_more}) and raises {@link PaymentAuthorizationException}.
	 *
	 * @param idempotencyKey stable for one checkout attempt (the cart id will do); the provider gets it with the
	 *        session id, so a repeat after a crash cannot authorise twice
	 */
	public AuthorizedPayment authorize(String collectionId, Money expectedAmount, String idempotencyKey) {
		requireNoTransaction("authorize");
		if (!Ids.hasPrefix(collectionId, "pay_col")) {
			throw LoupeException.notFound("Payment collection", PaymentProviders.shown(collectionId));
		}
		return authorizations.authorize(collectionId, requireAmount(expectedAmount), idempotencyKey);
	}

	/**
	 * Cancels the collection: an authorised payment is voided at its provider first, then the collection, its
	 * payment and sessions are canceled. Idempotent; a collection with captures is {@code not_allowed} (refund it).
	 * When the provider cannot void, nothing changes and the call may be repeated.
	 */
	public void cancel(String collectionId) {
		requireNoTransaction("cancel");
		CollectionRow row = (Ids.hasPrefix(collectionId, "pay_col") ? rows.collection(collectionId)
				: Optional.<CollectionRow>empty())
			.orElseThrow(() -> LoupeException.notFound("Payment collection", PaymentProviders.shown(collectionId)));
		if (row.status() == PaymentCollectionStatus.CANCELED) {
			return;
		}
		requireCancelable(row);
		PaymentCollection before = rows.assemble(row);
		Optional<Payment> payment = before.livePayment();
		if (payment.isPresent()) {
			Payment p = payment.get();
			PaymentProvider provider = providers.find(p.providerId())
				.orElseThrow(() -> LoupeException.notAllowed("Payment provider " + p.providerId() + " of payment "
						+ p.id() + " is no longer configured"));
			try {
				calls.call("Payment provider " + provider.id(), properties.providerTimeout(), () -> {
					provider.cancel(new ProviderPayment(p.id(), p.sessionId(), p.amount(), p.data()), p.id() + ":cancel");
					return null;
				});
			}
			catch (PaymentProviderException e) {
				throw unavailable(provider, "void payment " + p.id(), e);
			}
		}
		List<PaymentSession> dropped = tx.execute(status -> {
			CollectionRow locked = rows.lockCollection(row.id()).orElseThrow();
			if (locked.status() == PaymentCollectionStatus.CANCELED) {
				return List.<PaymentSession>of();
			}
			requireCancelable(locked);
			locked.status().requireCanBecome(PaymentCollectionStatus.CANCELED, locked.id());
			payment.ifPresent(p -> {
				rows.setPaymentCanceled(p.id());
				rows.record(locked.id(), p.id(), "authorized", "canceled", null);
			});
			List<PaymentSession> sessions = rows.sessions(locked.id()).stream()
				.filter(s -> s.status() != PaymentSessionStatus.CANCELED)
				.toList();
			for (PaymentSession s : sessions) {
				s.status().requireCanBecome(PaymentSessionStatus.CANCELED, s.id());
				rows.setSessionStatus(s.id(), PaymentSessionStatus.CANCELED, null);
				rows.record(locked.id(), s.id(), s.status().code(), "canceled", null);
			}
			rows.setStatus(locked.id(), PaymentCollectionStatus.CANCELED);
			rows.record(locked.id(), locked.id(), locked.status().code(), "canceled", null);
			events.publishEvent(new PaymentCanceled(locked.id(), locked.cartId(), payment.map(Payment::id).orElse(null),
					payment.map(Payment::amount).orElse(Money.zero(locked.amount().currency()))));
			return sessions.stream().filter(s -> s.status() != PaymentSessionStatus.AUTHORIZED).toList();
		});
		dropped.forEach(this::cancelAtProvider);
	}

	/**
	 * Captures {@code amount} of an authorised payment; more than remains authorised is {@code invalid_data}.
	 * Repeating a call with the same idempotency key answers the payment without capturing again.
	 */
	public Payment capture(String paymentId, Money amount, String idempotencyKey) {
		requireNoTransaction("capture");
		return movements.move(Movements.Kind.CAPTURE, paymentId, amount, null, null, idempotencyKey);
	}

	/**
	 * Refunds {@code amount} of a payment's captures; more than remains captured is {@code invalid_data}.
	 * Repeating a call with the same idempotency key answers the payment without refunding again.
	 */
	public Payment refund(String paymentId, Money amount, String reason, String note, String idempotencyKey) {
		requireNoTransaction("refund");
		return movements.move(Movements.Kind.REFUND, paymentId, amount, reason, note, idempotencyKey);
	}

	/** Records the order a collection paid for; a collection already paying for another order is a conflict. */
	public void attachOrder(String collectionId, String orderId) {
		if (!Ids.isWellFormed(orderId)) {
			throw LoupeException.invalidData("order_id must be an order id");
		}
		tx.executeWithoutResult(status -> {
			CollectionRow row = (Ids.hasPrefix(collectionId, "pay_col") ? rows.lockCollection(collectionId)
					: Optional.<CollectionRow>empty())
				.orElseThrow(() -> LoupeException.notFound("Payment collection", PaymentProviders.shown(collectionId)));
			if (row.orderId() != null && !row.orderId().equals(orderId)) {
				throw LoupeException.conflict("Payment collection " + row.id() + " already pays for order " + row.orderId());
			}
			rows.setOrder(row.id(), orderId);
		});
	}

	/** The state changes of a collection, oldest first, one line each ("subject: from -> to (note)"). */
	public List<String> history(String collectionId) {
		return rows.history(collectionId);
	}

	// ---------------------------------------------------------------- helpers

	private CollectionRow open(String collectionId) {
		CollectionRow row = (Ids.hasPrefix(collectionId, "pay_col") ? rows.collection(collectionId)
				: Optional.<CollectionRow>empty())
			.orElseThrow(() -> LoupeException.notFound("Payment collection", PaymentProviders.shown(collectionId)));
		if (!row.status().isOpen()) {
			throw LoupeException.notAllowed("Payment collection " + row.id() + " is " + row.status().code()
					+ "; payment sessions can only be started before it is authorised");
		}
		return row;
	}

	private void requireCancelable(CollectionRow row) {
		if (row.status() == PaymentCollectionStatus.COMPLETED || row.capturedAmount().isPositive()) {
			throw LoupeException.notAllowed("Payment collection " + row.id() + " has captured payments; refund them "
					+ "instead of canceling");
		}
		if (rows.leaseHeld(row.id(), properties.authorizingLease())) {
			throw LoupeException.conflict("Payment collection " + row.id() + " is being authorised; try again shortly");
		}
	}

	/** Cancels the open (not authorised) sessions of a locked collection; answers them for the provider calls. */
	private List<PaymentSession> cancelOpenSessions(CollectionRow row, String why) {
		List<PaymentSession> open = rows.sessions(row.id()).stream()
			.filter(s -> s.status().isAuthorizable() || s.status() == PaymentSessionStatus.ERROR)
			.toList();
		for (PaymentSession s : open) {
			s.status().requireCanBecome(PaymentSessionStatus.CANCELED, s.id());
			rows.setSessionStatus(s.id(), PaymentSessionStatus.CANCELED, null);
			rows.record(row.id(), s.id(), s.status().code(), "canceled", why);
		}
		return open;
	}

	private void cancelAtProvider(PaymentSession session) {
		providers.find(session.providerId()).ifPresent(provider -> cancelAtProvider(new ProviderSession(session.id(),
				session.collectionId(), session.amount(), session.data(), session.context()), provider));
	}

	/**
	 * Best effort: a session that is not authorised holds no money, so a provider that cannot drop it now only
	 * keeps an unused intent around (Stripe expires them).
	 */
	private void cancelAtProvider(ProviderSession session, PaymentProvider provider) {
		try {
			calls.call("Payment provider " + provider.id(), properties.providerTimeout(), () -> {
				provider.cancel(session, session.sessionId() + ":cancel");
				return null;
			});
		}
		catch (PaymentProviderException e) {
			log.warn("Payment provider {} could not drop session {}: {}", provider.id(), session.sessionId(),
					e.getMessage());
		}
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	/**
	 * Provider calls must not run inside a caller's transaction: it would hold its locks and a connection for as
	 * long as the provider takes, and roll back our record of money that did move.
	 */
	private static void requireNoTransaction(String method) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("PaymentCollections." + method + " calls a payment provider and must be "
					+ "called outside a database transaction");
		}
	}

	private static LoupeException unavailable(PaymentProvider provider, String what, PaymentProviderException e) {
		return new LoupeException(ErrorType.UNEXPECTED_STATE, 502, "Payment provider " + provider.id() + " could not "
				+ what + ": " + e.getMessage());
	}

	private static Money requireAmount(Money amount) {
		if (amount == null || amount.isNegative()) {
			throw LoupeException.invalidData("amount must not be negative: " + amount);
		}
		return amount.rounded();
	}

	private static boolean sameMoney(Money a, Money b) {
		return a.currency().equals(b.currency()) && a.equals(b);
	}
}
