package dev.loupe.audit;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records actions in the transaction of the change they describe, so a change and its entry commit together or not
 * at all. The request id of the current request (from the logging context) links an entry to its log lines.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action such as {@code product.updated}; must run inside the transaction of the change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Actor actor, String action, String resourceType, String resourceId, Map<String, Object> details) {
		jdbc.sql("""
				insert into audit.entry (id, occurred_at, actor_type, actor_id, action, resource_type, resource_id,
				  request_id, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(Ids.next("aud"), Timestamp.from(clock.instant()), actor.type().code(), actor.id(), action,
					resourceType, resourceId, MDC.get("request_id"), Json.write(details))
			.update();
	}

	/** The latest entries about one resource, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> forResource(String resourceType, String resourceId, int limit) {
		return jdbc.sql("""
				select * from audit.entry where resource_type = ? and resource_id = ?
				order by occurred_at desc, id desc limit ?""")
			.params(resourceType, resourceId, limit)
			.query(AuditLog::map)
			.list();
	}

	/** The latest entries of the whole store, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit, int offset) {
		return jdbc.sql("select * from audit.entry order by occurred_at desc, id desc limit ? offset ?")
			.params(limit, offset)
			.query(AuditLog::map)
			.list();
	}

	/**
	 * A page of entries, newest first, narrowed by actor id and action (exact, when not blank) and by time
	 * ({@code from} inclusive, {@code to} exclusive, when not null).
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(String actorId, String action, java.time.Instant from, java.time.Instant to,
			int limit, int offset) {
		String actor = actorId == null || actorId.isBlank() ? null : actorId.strip();
		String act = action == null || action.isBlank() ? null : action.strip();
		return jdbc.sql("""
				select * from audit.entry where (cast(? as text) is null or actor_id = ?)
				  and (cast(? as text) is null or action = ?)
				  and (cast(? as timestamptz) is null or occurred_at >= ?)
				  and (cast(? as timestamptz) is null or occurred_at < ?)
				order by occurred_at desc, id desc limit ? offset ?""")
			.params(actor, actor, act, act, ts(from), ts(from), ts(to), ts(to), limit, offset)
			.query(AuditLog::map)
			.list();
	}

	private static Timestamp ts(java.time.Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		String details = rs.getString("details");
		return new AuditEntry(rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(),
				new Actor(Actor.Type.valueOf(rs.getString("actor_type").toUpperCase(Locale.ROOT)), rs.getString("actor_id")),
				rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
				rs.getString("request_id"), details == null ? Map.of() : Json.map(details));
	}
}
