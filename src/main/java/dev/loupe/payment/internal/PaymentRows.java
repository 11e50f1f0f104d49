package dev.loupe.payment.internal;

import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentSession;
import dev.loupe.payment.PaymentSessionStatus;
import dev.loupe.platform.Json;
import dev.loupe.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of the {@code payment} schema. Status changes go through {@code PaymentCollections}, which checks them
 * against the state machines; this class only reads and writes.
 */
@Repository
public class PaymentRows {

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- collections

	/** Inserts the cart's collection unless it has one; true when this call inserted it. */
	public boolean insertCollection(String id, String cartId, Money amount) {
		return jdbc.sql("""
				insert into payment.payment_collection (id, cart_id, currency_code, amount, status)
				values (?, ?, ?, ?, 'not_paid')
				on conflict (cart_id) where deleted_at is null do nothing""")
			.params(id, cartId, amount.currencyCodeLower(), amount.amount())
			.update() == 1;
	}

	/** Sets a canceled collection aside (kept, with its history): the cart gets a new one on the next call. */
	public void retire(String id) {
		jdbc.sql("update payment.payment_collection set deleted_at = now(), updated_at = now() where id = ? and deleted_at is null")
			.param(id)
			.update();
	}

	public Optional<CollectionRow> collection(String id) {
		return jdbc.sql("select * from payment.payment_collection where id = ? and deleted_at is null")
			.param(id)
			.query(PaymentRows::collectionRow)
			.optional();
	}

	/** The collection locked for the rest of the transaction: changes to one collection are serialised. */
	public Optional<CollectionRow> lockCollection(String id) {
		return jdbc.sql("select * from payment.payment_collection where id = ? and deleted_at is null for update")
			.param(id)
			.query(PaymentRows::collectionRow)
			.optional();
	}

	public Optional<CollectionRow> collectionOfCart(String cartId) {
		return jdbc.sql("select * from payment.payment_collection where cart_id = ? and deleted_at is null")
			.param(cartId)
			.query(PaymentRows::collectionRow)
			.optional();
	}

	public Optional<CollectionRow> lockCollectionOfCart(String cartId) {
		return jdbc.sql("select * from payment.payment_collection where cart_id = ? and deleted_at is null for update")
			.param(cartId)
			.query(PaymentRows::collectionRow)
			.optional();
	}

	public void setAmount(String id, Money amount) {
		jdbc.sql("update payment.payment_collection set amount = ?, currency_code = ?, updated_at = now() where id = ?")
			.params(amount.amount(), amount.currencyCodeLower(), id)
			.update();
	}

	public void setStatus(String id, PaymentCollectionStatus status) {
		jdbc.sql("""
				update payment.payment_collection set status = ?, updated_at = now(),
				  completed_at = case when ? = 'completed' then now() else completed_at end
				where id = ?""")
			.params(status.code(), status.code(), id)
			.update();
	}

	public void setAuthorized(String id, Money authorized) {
		jdbc.sql("""
				update payment.payment_collection set status = 'authorized', authorized_amount = ?,
				  authorizing_session_id = null, authorizing_since = null, updated_at = now()
				where id = ?""")
			.params(authorized.amount(), id)
			.update();
	}

	public void setCollectionCaptured(String id, Money captured) {
		jdbc.sql("update payment.payment_collection set captured_amount = ?, updated_at = now() where id = ?")
			.params(captured.amount(), id)
			.update();
	}

	public void setCollectionRefunded(String id, Money refunded) {
		jdbc.sql("update payment.payment_collection set refunded_amount = ?, updated_at = now() where id = ?")
			.params(refunded.amount(), id)
			.update();
	}

	public void setOrder(String id, String orderId) {
		jdbc.sql("update payment.payment_collection set order_id = ?, updated_at = now() where id = ?")
			.params(orderId, id)
			.update();
	}

	/** Takes the authorisation lease for a session. */
	public void takeLease(String id, String sessionId) {
		jdbc.sql("""
				update payment.payment_collection set authorizing_session_id = ?, authorizing_since = now(),
				  updated_at = now()
				where id = ?""")
			.params(sessionId, id)
			.update();
	}

	public void releaseLease(String id) {
		jdbc.sql("""
				update payment.payment_collection set authorizing_session_id = null, authorizing_since = null,
				  updated_at = now()
				where id = ?""")
			.param(id)
			.update();
	}

	/** Whether the collection's lease was taken within {@code lease} (by the database's clock, shared by all instances). */
	public boolean leaseHeld(String id, Duration lease) {
		return jdbc.sql("""
				select count(*) from payment.payment_collection
				where id = ? and authorizing_since is not null and authorizing_since > now() - make_interval(secs => ?)""")
			.params(id, lease.toMillis() / 1000.0)
			.query(Integer.class)
			.single() > 0;
	}

	// ---------------------------------------------------------------- sessions

	public void insertSession(String id, String collectionId, String providerId, Money amount,
			PaymentSessionStatus status, Map<String, Object> data, Map<String, Object> context) {
		jdbc.sql("""
				insert into payment.payment_session (id, payment_collection_id, provider_id, currency_code, amount, status,
				  data, context)
				values (?, ?, ?, ?, ?, ?, coalesce(?::jsonb, '{}'::jsonb), ?::jsonb)""")
			.params(id, collectionId, providerId, amount.currencyCodeLower(), amount.amount(), status.code(),
					Json.write(data), Json.write(context))
			.update();
	}

	/** All sessions of a collection, canceled ones too, oldest first. */
	public List<PaymentSession> sessions(String collectionId) {
		return jdbc.sql("select * from payment.payment_session where payment_collection_id = ? order by created_at, id")
			.param(collectionId)
			.query(PaymentRows::session)
			.list();
	}

	/** The session a provider knows by {@code reference} (its {@code data.id}, e.g. Stripe's PaymentIntent id). */
	public Optional<PaymentSession> sessionByReference(String providerId, String reference) {
		return jdbc.sql("""
				select * from payment.payment_session where provider_id = ? and data ->> 'id' = ?
				order by created_at desc, id desc limit 1""")
			.params(providerId, reference)
			.query(PaymentRows::session)
			.optional();
	}

	public void setSessionStatus(String id, PaymentSessionStatus status, Map<String, Object> data) {
		jdbc.sql("""
				update payment.payment_session set status = ?, data = coalesce(?::jsonb, data), updated_at = now(),
				  authorized_at = case when ? = 'authorized' then now() else authorized_at end
				where id = ?""")
			.params(status.code(), object(data), status.code(), id)
			.update();
	}

	/** Follows a changed collection amount in the sessions not yet authorised. */
	public void setOpenSessionAmounts(String collectionId, Money amount) {
		jdbc.sql("""
				update payment.payment_session set amount = ?, currency_code = ?, updated_at = now()
				where payment_collection_id = ? and status in ('pending', 'requires_more')""")
			.params(amount.amount(), amount.currencyCodeLower(), collectionId)
			.update();
	}

	// ---------------------------------------------------------------- payments

	public void insertPayment(String id, String collectionId, PaymentSession session, Map<String, Object> data,
			String idempotencyKey) {
		jdbc.sql("""
				insert into payment.payment (id, payment_collection_id, payment_session_id, provider_id, currency_code,
				  amount, data, idempotency_key)
				values (?, ?, ?, ?, ?, ?, coalesce(?::jsonb, '{}'::jsonb), ?)""")
			.params(id, collectionId, session.id(), session.providerId(), session.amount().currencyCodeLower(),
					session.amount().amount(), Json.write(data), idempotencyKey)
			.update();
	}

	/** The payment's collection id, locking the payment for the rest of the transaction. */
	public Optional<String> lockPayment(String id) {
		return jdbc.sql("select payment_collection_id from payment.payment where id = ? for update")
			.param(id)
			.query(String.class)
			.optional();
	}

	public Optional<String> collectionOfPayment(String id) {
		return jdbc.sql("select payment_collection_id from payment.payment where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	public List<Payment> payments(String collectionId) {
		List<Payment> bare = jdbc.sql("select * from payment.payment where payment_collection_id = ? order by created_at, id")
			.param(collectionId)
			.query(PaymentRows::payment)
			.list();
		return bare.stream().map(p -> new Payment(p.id(), p.collectionId(), p.sessionId(), p.providerId(), p.amount(),
				p.capturedAmount(), p.refundedAmount(), p.data(), captures(p.id(), p.amount().currencyCode()),
				refunds(p.id(), p.amount().currencyCode()), p.capturedAt(), p.canceledAt(), p.createdAt(),
				p.updatedAt())).toList();
	}

	public void setPaymentCanceled(String id) {
		jdbc.sql("update payment.payment set canceled_at = now(), updated_at = now() where id = ? and canceled_at is null")
			.param(id)
			.update();
	}

	public void setPaymentCaptured(String id, Money captured, Map<String, Object> data) {
		jdbc.sql("""
				update payment.payment set captured_amount = ?, data = coalesce(?::jsonb, data),
				  captured_at = coalesce(captured_at, now()), updated_at = now()
				where id = ?""")
			.params(captured.amount(), Json.write(data), id)
			.update();
	}

	public void setPaymentRefunded(String id, Money refunded, Map<String, Object> data) {
		jdbc.sql("update payment.payment set refunded_amount = ?, data = coalesce(?::jsonb, data), updated_at = now() where id = ?")
			.params(refunded.amount(), Json.write(data), id)
			.update();
	}

	// ---------------------------------------------------------------- captures and refunds

	/** A capture or refund row: {@code kind} is {@code capture} or {@code refund}. */
	public record Movement(String id, String paymentId, Money amount, String status, String reason, String note,
			String idempotencyKey, Instant createdAt) {
	}

	public void insertMovement(String kind, String id, String paymentId, Money amount, String reason, String note,
			String idempotencyKey) {
		if (kind.equals("capture")) {
			jdbc.sql("""
					insert into payment.capture (id, payment_id, amount, status, idempotency_key)
					values (?, ?, ?, 'pending', ?)""")
				.params(id, paymentId, amount.amount(), idempotencyKey)
				.update();
		}
		else {
			jdbc.sql("""
					insert into payment.refund (id, payment_id, amount, status, reason, note, idempotency_key)
					values (?, ?, ?, 'pending', ?, ?, ?)""")
				.params(id, paymentId, amount.amount(), reason, note, idempotencyKey)
				.update();
		}
	}

	public List<Movement> movements(String kind, String paymentId, String currencyCode) {
		String reasonColumns = kind.equals("capture") ? "null as reason, null as note" : "reason, note";
		return jdbc.sql("select id, payment_id, amount, status, " + reasonColumns + ", idempotency_key, created_at from payment."
				+ table(kind) + " where payment_id = ? order by created_at, id")
			.param(paymentId)
			.query((rs, n) -> new Movement(rs.getString("id"), rs.getString("payment_id"),
					Money.of(rs.getBigDecimal("amount"), currencyCode), rs.getString("status"), rs.getString("reason"),
					rs.getString("note"), rs.getString("idempotency_key"), instant(rs, "created_at")))
			.list();
	}

	public void setMovementStatus(String kind, String id, String status) {
		jdbc.sql("update payment." + table(kind) + " set status = ?, updated_at = now() where id = ?")
			.params(status, id)
			.update();
	}

	private static String table(String kind) {
		return switch (kind) {
			case "capture" -> "capture";
			case "refund" -> "refund";
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private List<Payment.Capture> captures(String paymentId, String currencyCode) {
		return movements("capture", paymentId, currencyCode).stream()
			.filter(m -> m.status().equals("succeeded"))
			.map(m -> new Payment.Capture(m.id(), m.amount(), m.createdAt()))
			.toList();
	}

	private List<Payment.Refund> refunds(String paymentId, String currencyCode) {
		return movements("refund", paymentId, currencyCode).stream()
			.filter(m -> m.status().equals("succeeded"))
			.map(m -> new Payment.Refund(m.id(), m.amount(), m.reason(), m.note(), m.createdAt()))
			.toList();
	}

	// ---------------------------------------------------------------- history

	/** One line of a collection's history: what {@code subjectId} went from and to, and why. */
	public record Change(String subjectId, String from, String to, String note) {
	}

	/** Several lines of a collection's history, in order, in one statement. */
	public void record(String collectionId, List<Change> changes) {
		String values = String.join(", ", java.util.Collections.nCopies(changes.size(), "(?, ?, ?, ?, ?)"));
		List<Object> params = new java.util.ArrayList<>();
		for (Change c : changes) {
			params.addAll(java.util.Arrays.asList(collectionId, c.subjectId(), c.from(), c.to(), note(c.note())));
		}
		jdbc.sql("insert into payment.history (payment_collection_id, subject_id, from_status, to_status, note) values "
				+ values)
			.params(params)
			.update();
	}

	private static String note(String note) {
		return note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
	}

	public void record(String collectionId, String subjectId, String from, String to, String note) {
		jdbc.sql("""
				insert into payment.history (payment_collection_id, subject_id, from_status, to_status, note)
				values (?, ?, ?, ?, ?)""")
			.params(collectionId, subjectId, from, to, note(note))
			.update();
	}

	/** The history of a collection, oldest first, as "subject: from -> to (note)" lines. */
	public List<String> history(String collectionId) {
		return jdbc.sql("""
				select subject_id || ': ' || coalesce(from_status, '-') || ' -> ' || to_status
				  || coalesce(' (' || note || ')', '')
				from payment.history where payment_collection_id = ? order by id""")
			.param(collectionId)
			.query(String.class)
			.list();
	}

	// ---------------------------------------------------------------- assembling

	public PaymentCollection assemble(CollectionRow row) {
		List<PaymentSession> live = sessions(row.id()).stream()
			.filter(s -> s.status() != PaymentSessionStatus.CANCELED)
			.toList();
		return new PaymentCollection(row.id(), row.cartId(), row.amount(), row.authorizedAmount(), row.capturedAmount(),
				row.refundedAmount(), row.status(), row.orderId(), live, payments(row.id()), row.completedAt(),
				row.createdAt(), row.updatedAt());
	}

	private static CollectionRow collectionRow(ResultSet rs, int n) throws SQLException {
		String currency = rs.getString("currency_code");
		return new CollectionRow(rs.getString("id"), rs.getString("cart_id"), money(rs, "amount", currency),
				money(rs, "authorized_amount", currency), money(rs, "captured_amount", currency),
				money(rs, "refunded_amount", currency), PaymentCollectionStatus.of(rs.getString("status")),
				rs.getString("order_id"), rs.getString("authorizing_session_id"), instant(rs, "authorizing_since"),
				instant(rs, "completed_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static PaymentSession session(ResultSet rs, int n) throws SQLException {
		return new PaymentSession(rs.getString("id"), rs.getString("payment_collection_id"), rs.getString("provider_id"),
				money(rs, "amount", rs.getString("currency_code")), PaymentSessionStatus.of(rs.getString("status")),
				orEmpty(Json.map(rs.getString("data"))), Json.map(rs.getString("context")), instant(rs, "authorized_at"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Payment payment(ResultSet rs, int n) throws SQLException {
		String currency = rs.getString("currency_code");
		return new Payment(rs.getString("id"), rs.getString("payment_collection_id"), rs.getString("payment_session_id"),
				rs.getString("provider_id"), money(rs, "amount", currency), money(rs, "captured_amount", currency),
				money(rs, "refunded_amount", currency), orEmpty(Json.map(rs.getString("data"))), List.of(), List.of(),
				instant(rs, "captured_at"), instant(rs, "canceled_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	/** A JSON object for a jsonb parameter: null stays null (keep the column), an empty map is {}. */
	private static String object(Map<String, Object> map) {
		return map == null ? null : map.isEmpty() ? "{}" : Json.write(map);
	}

	private static Map<String, Object> orEmpty(Map<String, Object> map) {
		return map == null ? Map.of() : map;
	}

	private static Money money(ResultSet rs, String column, String currency) throws SQLException {
		return Money.of(rs.getBigDecimal(column), currency);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
