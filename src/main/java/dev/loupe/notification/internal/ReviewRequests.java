package dev.loupe.notification.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.loupe.notification.OrderEmails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review request's delayed task ({@code review-request}, instance = order id): scheduled when an order is
 * delivered, due {@code LOUPE_REVIEW_REQUEST_DELAY} later, durable across restarts, run once on one instance; a
 * failure is retried by db-scheduler (every 5 minutes by default).
 */
@Configuration(proxyBeanMethods = false)
public class ReviewRequests {

	public static final TaskDescriptor<Void> TASK = TaskDescriptor.of("review-request");

	@Bean
	OneTimeTask<Void> reviewRequestTask(ObjectProvider<OrderEmails> emails) {
		// OrderEmails needs the scheduler, which needs this task: looked up when the task runs.
		return Tasks.oneTime(TASK).execute((instance, context) -> emails.getObject().requestReview(instance.getId()));
	}
}
