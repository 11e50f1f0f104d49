package dev.loupe.webhook.internal;

import dev.loupe.platform.Json;
import dev.loupe.webhook.WebhookDelivery;
import dev.loupe.webhook.WebhookFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code webhook.delivery}. Times come from the database's clock, shared by every instance. */
@Repository
public class DeliveryRows {

	/** A queue to work on: one object of one source. */
	public record ObjectKey(String source, String objectId) {
	}

	private static final String COLUMNS = """
			id, source, event_id, type, object_id, status, attempts, next_attempt_at, last_error, payload, received_at,
			processed_at, updated_at""";

	private final JdbcClient jdbc;

	DeliveryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a delivery; false when the source already has one with this event id (nothing is written). */
	public boolean insert(String id, String source, String eventId, String type, String objectId, String payload,
			Map<String, String> headers) {
		return jdbc.sql("""
				insert into webhook.delivery (id, source, event_id, type, object_id, payload, headers)
				values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (source, event_id) do nothing""")
			.params(id, source, eventId, type, objectId, payload, Json.write(headers))
			.update() == 1;
	}

	public Optional<WebhookDelivery> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from webhook.delivery where id = ?").param(id).query(DeliveryRows::map)
			.optional();
	}

	public Optional<WebhookDelivery> findByEvent(String source, String eventId) {
		return jdbc.sql("select " + COLUMNS + " from webhook.delivery where source = ? and event_id = ?")
			.params(source, eventId)
			.query(DeliveryRows::map)
			.optional();
	}

	/**
	 * The oldest unfinished delivery of an object, locked; a {@code processing} one was left by a process that died
	 * (only one task works on an object at a time), so it counts as unfinished.
	 */
	public Optional<WebhookDelivery> lockHead(String source, String objectId) {
		return jdbc.sql("select " + COLUMNS + """
				 from webhook.delivery where source = ? and object_id = ? and status in ('received', 'processing', 'failed')
				order by received_at, id limit 1 for update""")
			.params(source, objectId)
			.query(DeliveryRows::map)
			.optional();
	}

	/** Whether a delivery is due now by the database's clock. */
	public boolean due(String id) {
		return jdbc.sql("select next_attempt_at <= now() from webhook.delivery where id = ?").param(id)
			.query(Boolean.class)
			.single();
	}

	public void startProcessing(String id) {
		jdbc.sql("update webhook.delivery set status = 'processing', attempts = attempts + 1, updated_at = now() where id = ?")
			.param(id)
			.update();
	}

	public void processed(String id) {
		jdbc.sql("""
				update webhook.delivery set status = 'processed', processed_at = now(), last_error = null,
				  updated_at = now() where id = ?""")
			.param(id)
			.update();
	}

	/** Records a failure: {@code failed} with the next attempt after {@code wait}, or {@code dead}. */
	public void failed(String id, String error, boolean dead, Duration wait) {
		jdbc.sql("""
				update webhook.delivery set status = ?, last_error = ?,
				  next_attempt_at = now() + make_interval(secs => ?), updated_at = now() where id = ?""")
			.params(dead ? "dead" : "failed", error, wait.toMillis() / 1000.0, id)
			.update();
	}

	/** Puts a delivery back in its queue, due now, with its attempts counted afresh. */
	public boolean replay(String id) {
		return jdbc.sql("""
				update webhook.delivery set status = 'received', attempts = 0, next_attempt_at = now(), last_error = null,
				  updated_at = now() where id = ? and status <> 'processing'""")
			.param(id)
			.update() == 1;
	}

	/**
	 * Objects with work due: a waiting delivery whose time has come, or one left {@code processing} longer than the
	 * lease (its process died).
	 */
	public List<ObjectKey> dueObjects(Duration processingLease, int limit) {
		return jdbc.sql("""
				select distinct source, object_id from webhook.delivery
				where (status in ('received', 'failed') and next_attempt_at <= now())
				   or (status = 'processing' and updated_at < now() - make_interval(secs => ?))
				limit ?""")
			.params(processingLease.toSeconds(), limit)
			.query((rs, n) -> new ObjectKey(rs.getString(1), rs.getString(2)))
			.list();
	}

	public List<WebhookDelivery> list(WebhookFilter filter, int limit, int offset) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select " + COLUMNS + " from webhook.delivery" + where
				+ " order by received_at desc, id desc limit ? offset ?")
			.params(params)
			.query(DeliveryRows::map)
			.list();
	}

	public int count(WebhookFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		return jdbc.sql("select count(*) from webhook.delivery" + where).params(params).query(Integer.class).single();
	}

	private static String where(WebhookFilter filter, List<Object> params) {
		List<String> clauses = new ArrayList<>();
		if (filter.source() != null) {
			clauses.add("source = ?");
			params.add(filter.source());
		}
		if (filter.status() != null) {
			clauses.add("status = ?");
			params.add(filter.status());
		}
		if (filter.type() != null) {
			clauses.add("type = ?");
			params.add(filter.type());
		}
		if (filter.objectId() != null) {
			clauses.add("object_id = ?");
			params.add(filter.objectId());
		}
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

	private static WebhookDelivery map(ResultSet rs, int n) throws SQLException {
		return new WebhookDelivery(rs.getString("id"), rs.getString("source"), rs.getString("event_id"),
				rs.getString("type"), rs.getString("object_id"), rs.getString("status"), rs.getInt("attempts"),
				instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"), rs.getString("payload"),
				instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("processed_at")),
				instant(rs.getTimestamp("updated_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
