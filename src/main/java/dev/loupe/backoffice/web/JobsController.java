package dev.loupe.backoffice.web;

import dev.loupe.identity.Permission;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.ScheduledJobs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The durable jobs (db-scheduler) for admins: a summary per task (scheduled, running, failing, next due) and the
 * executions themselves, due first, filtered by task. Read only: jobs reschedule themselves.
 */
@Controller
class JobsController {

	static final int LIMIT = 200;

	private final ScheduledJobs jobs;

	JobsController(ScheduledJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/app/settings/jobs")
	@Requires(Permission.SETTINGS_WRITE)
	String jobs(@RequestParam(defaultValue = "") String task, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		if (task.length() > 200 || task.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The task filter is too long.");
		}
		List<ScheduledJobs.TaskSummary> summary = jobs.summary();
		if (!task.isEmpty() && summary.stream().noneMatch(s -> s.task().equals(task))) {
			throw LoupeException.notFound("Task", task.matches("[A-Za-z0-9_.:-]{1,100}") ? task : "(malformed)");
		}
		List<ScheduledJobs.Job> executions = jobs.list(task.isEmpty() ? null : task, LIMIT + 1);
		boolean more = executions.size() > LIMIT;
		model.addAttribute("frame", new Frame(staff, "Scheduled jobs", "jobs", Flash.take(request, response)));
		model.addAttribute("summary", summary);
		model.addAttribute("jobs", more ? executions.subList(0, LIMIT) : executions);
		model.addAttribute("more", more);
		model.addAttribute("task", task);
		return "app/jobs";
	}
}
