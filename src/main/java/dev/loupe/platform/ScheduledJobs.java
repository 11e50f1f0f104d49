package dev.loupe.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state of the durable jobs (db-scheduler's {@code scheduled_tasks}), for the back office: a summary per task and
 * the executions themselves, due first. A job that keeps failing shows its consecutive failures and last failure.
 */
@Service
public class ScheduledJobs {

	/** One scheduled execution of a task. */
	public record Job(String task, String instance, Instant dueAt, boolean running, String runningOn,
			Instant lastSuccess, Instant lastFailure, int consecutiveFailures) {
	}

	/** A task's executions: how many are scheduled, running, failing, and when the next is due. */
	public record TaskSummary(String task, long scheduled, long running, long failing, Instant nextDueAt) {
	}

	private final JdbcClient jdbc;

	ScheduledJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<TaskSummary> summary() {
		return jdbc.sql("""
				select task_name, count(*), count(*) filter (where picked), count(*) filter (where consecutive_failures > 0),
				       min(execution_time)
				from scheduled_tasks group by task_name order by task_name""")
			.query((rs, n) -> new TaskSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					instant(rs.getTimestamp(5))))
			.list();
	}

	/** Executions of one task (or all with {@code null}), due first, at most {@code limit} (1–500). */
	@Transactional(readOnly = true)
	public List<Job> list(String task, int limit) {
		int bounded = Math.max(1, Math.min(500, limit));
		return jdbc.sql("""
				select task_name, task_instance, execution_time, picked, picked_by, last_success, last_failure,
				       consecutive_failures
				from scheduled_tasks where (cast(? as text) is null or task_name = ?)
				order by execution_time, task_name, task_instance limit ?""")
			.params(task, task, bounded)
			.query(ScheduledJobs::job)
			.list();
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getString("task_name"), rs.getString("task_instance"), instant(rs.getTimestamp("execution_time")),
				rs.getBoolean("picked"), rs.getString("picked_by"), instant(rs.getTimestamp("last_success")),
				instant(rs.getTimestamp("last_failure")), rs.getInt("consecutive_failures"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
