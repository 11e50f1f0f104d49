package dev.loupe.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.loupe.notification.internal.DeliveryNotification;
import dev.loupe.notification.internal.DigitalDownloads;
import dev.loupe.notification.internal.EmailRenderer;
import dev.loupe.notification.internal.EmailTemplate;
import dev.loupe.notification.internal.MailSettings;
import dev.loupe.notification.internal.OrderConfirmation;
import dev.loupe.notification.internal.OrderView;
import dev.loupe.notification.internal.Outbox;
import dev.loupe.notification.internal.ReviewRequest;
import dev.loupe.notification.internal.ShippingConfirmation;
import dev.loupe.notification.internal.ReviewRequests;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emails of an order's life: confirmation (on {@code OrderPlaced}, by this module's listener), shipping
 * confirmation, delivery notification and, {@code LOUPE_REVIEW_REQUEST_DELAY} after delivery, a review request (a
 * durable delayed task), and digital download links. Each is queued at most once per order or fulfilment, so a
 * caller (an event listener retried by the outbox) may call again safely. The fulfilment module calls
 * {@link #shipped} and {@link #delivered} when its shipments move.
 */
@Service
public class OrderEmails {

	private final Orders orders;
	private final Outbox outbox;
	private final EmailRenderer renderer;
	private final SchedulerClient scheduler;
	private final MailSettings settings;

	OrderEmails(Orders orders, Outbox outbox, EmailRenderer renderer, SchedulerClient scheduler, MailSettings settings) {
		this.orders = orders;
		this.outbox = outbox;
		this.renderer = renderer;
		this.scheduler = scheduler;
		this.settings = settings;
	}

	/** Queues the order confirmation; returns the message id, empty when already queued or the order has no email. */
	@Transactional
	public Optional<String> confirm(String orderId) {
		return queue(orderId, "order-confirmation:" + orderId, OrderConfirmation::new);
	}

	/**
	 * Queues the order confirmation again (staff resend it from the back office); one email per {@code requestKey},
	 * so a double submit of the same form sends one. Empty when already queued for that key or the order has no email.
	 */
	@Transactional
	public Optional<String> resendConfirmation(String orderId, String requestKey) {
		if (requestKey == null || requestKey.isBlank() || requestKey.length() > 100) {
			throw new IllegalArgumentException("A request key of 1 to 100 characters is needed");
		}
		return queue(orderId, "order-confirmation:" + orderId + ":resend:" + requestKey, OrderConfirmation::new);
	}

	/** Queues the shipping confirmation of one fulfilment, with the carrier's tracking number and link. */
	@Transactional
	public Optional<String> shipped(String orderId, String fulfillmentId, String carrier, String trackingNumber,
			String trackingUrl) {
		return shipped(orderId, fulfillmentId, carrier, trackingNumber, trackingUrl, java.util.Map.of());
	}

	/**
	 * Queues the shipping confirmation of one fulfilment holding {@code quantities} (by order line id); when that is
	 * less than the whole order, the email lists what this parcel holds.
	 */
	@Transactional
	public Optional<String> shipped(String orderId, String fulfillmentId, String carrier, String trackingNumber,
			String trackingUrl, java.util.Map<String, Integer> quantities) {
		Order order = orders.find(orderId).orElse(null);
		boolean whole = order == null || quantities.isEmpty() || order.items().stream()
			.allMatch(l -> quantities.getOrDefault(l.id(), 0) >= l.quantity());
		List<OrderView.Line> items = whole ? List.of()
				: OrderView.shipped(order, renderer.branding().baseUrl(), quantities);
		return queue(orderId, "shipping-confirmation:" + fulfillmentId,
				view -> new ShippingConfirmation(view, carrier, trackingNumber, trackingUrl, items));
	}

	/**
	 * Queues the delivery notification of one fulfilment and schedules the order's review request
	 * {@code LOUPE_REVIEW_REQUEST_DELAY} after {@code deliveredAt} (once per order, however many fulfilments).
	 */
	@Transactional
	public Optional<String> delivered(String orderId, String fulfillmentId, Instant deliveredAt) {
		Optional<String> id = queue(orderId, "delivery-notification:" + fulfillmentId,
				order -> new DeliveryNotification(order, deliveredAt));
		scheduler.scheduleIfNotExists(ReviewRequests.TASK.instance(orderId).build(),
				deliveredAt.plus(settings.reviewRequestDelay()));
		return id;
	}

	/** Queues the review request of an order (the delayed task calls this). */
	@Transactional
	public Optional<String> requestReview(String orderId) {
		return queue(orderId, "review-request:" + orderId, ReviewRequest::new);
	}

	/** Queues the download links of a digital order. */
	@Transactional
	public Optional<String> digitalDownloads(String orderId, List<DownloadLink> downloads) {
		return queue(orderId, "digital-downloads:" + orderId, order -> new DigitalDownloads(order, List.copyOf(downloads)));
	}

	private Optional<String> queue(String orderId, String dedupKey, Function<OrderView, EmailTemplate> template) {
		Order order = orders.find(orderId).orElse(null);
		if (order == null || order.email() == null || order.email().isBlank()) {
			return Optional.empty();
		}
		OrderView view = OrderView.of(order, renderer.branding().baseUrl());
		return outbox.queue(order.email(), renderer.render(template.apply(view)), dedupKey);
	}
}
