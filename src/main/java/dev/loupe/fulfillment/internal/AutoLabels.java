package dev.loupe.fulfillment.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.FulfillmentState;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.ShippingLabels;
import dev.loupe.order.Order;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderPlaced;
import dev.loupe.order.OrderStatus;
import dev.loupe.order.Orders;
import dev.loupe.platform.LoupeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Ships placed orders without staff ({@code LOUPE_AUTO_LABELS=true}, with EasyPost configured): after the order
 * commits, a durable task per order (instance id: the order id, so a redelivered event schedules nothing twice)
 * fulfils every line that needs shipping (idempotency key {@code auto-label}) and buys its label. A failure is
 * retried with exponential backoff, at most ten times; both steps are idempotent, so a retry after a crash buys no
 * second label. The task and its listener exist only where auto labels are on and EasyPost is configured, so an
 * instance without them leaves the task to the others (db-scheduler does not pick tasks it does not know).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(AutoLabels.ON)
class AutoLabels {

	/** Auto labels are on and EasyPost is configured. */
	static final String ON = "'${loupe.easypost.auto-labels:false}' == 'true' and !'${loupe.easypost.api-key:}'.isBlank()";

	static final String TASK = "auto-label";
	static final String ACTOR = "auto-label";
	private static final Logger log = LoggerFactory.getLogger(AutoLabels.class);

	@Bean
	static OneTimeTask<Void> autoLabelTask(@Lazy Fulfillments fulfillments, @Lazy ShippingLabels labels,
			@Lazy Orders orders) {
		return Tasks.oneTime(TASK)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(10,
					new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30))))
			.execute((instance, context) -> label(instance.getId(), fulfillments, labels, orders));
	}

	/** Schedules the task for each placed order (a bean only here, so otherwise no outbox row is written for it). */
	@Component
	@ConditionalOnExpression(ON) // component scanning finds this class on its own
	static class Scheduling {

		private final SchedulerClient scheduler;
		private final OneTimeTask<Void> task;

		Scheduling(@Lazy SchedulerClient scheduler, @Qualifier("autoLabelTask") OneTimeTask<Void> task) {
			this.scheduler = scheduler;
			this.task = task;
		}

		@ApplicationModuleListener
		void on(OrderPlaced event) {
			scheduler.scheduleIfNotExists(task.instance(event.orderId()), Instant.now());
		}
	}

	static void label(String orderId, Fulfillments fulfillments, ShippingLabels labels, Orders orders) {
		Optional<Order> order = orders.find(orderId);
		if (order.isEmpty() || order.get().status() == OrderStatus.CANCELED) {
			return;
		}
		Optional<Fulfillment> earlier = fulfillments.forOrder(orderId).stream()
			.filter(f -> f.createdBy().equals(ACTOR))
			.findFirst();
		Fulfillment f;
		if (earlier.isPresent()) {
			f = earlier.get();
		}
		else {
			Map<String, Integer> taken = new HashMap<>();
			fulfillments.forOrder(orderId).stream().filter(x -> x.state() != FulfillmentState.CANCELED)
				.flatMap(x -> x.items().stream()).forEach(i -> taken.merge(i.lineId(), i.quantity(), Integer::sum));
			List<Fulfillments.Request> wanted = order.get().items().stream()
				.filter(OrderLine::requiresShipping)
				.filter(l -> l.quantity() > taken.getOrDefault(l.id(), 0))
				.map(l -> new Fulfillments.Request(l.id(), l.quantity() - taken.getOrDefault(l.id(), 0)))
				.toList();
			if (wanted.isEmpty()) {
				return;
			}
			f = fulfillments.create(orderId, wanted, null, TASK, ACTOR);
		}
		if (f.hasLabel() || f.state() != FulfillmentState.CREATED) {
			return;
		}
		try {
			labels.buy(f.id(), null);
		}
		catch (LoupeException e) {
			log.warn("No label for order {} yet: {}", orderId, e.getMessage());
			throw e;
		}
	}
}
