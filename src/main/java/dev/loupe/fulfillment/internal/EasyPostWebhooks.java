package dev.loupe.fulfillment.internal;

import com.easypost.exception.EasyPostException;
import com.easypost.utils.Utilities;
import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.FulfillmentState;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.Tracking;
import dev.loupe.platform.Json;
import dev.loupe.webhook.WebhookEnvelope;
import dev.loupe.webhook.WebhookRejected;
import dev.loupe.webhook.WebhookRequest;
import dev.loupe.webhook.WebhookSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * EasyPost's tracking webhooks ({@code POST /webhooks/easypost}): the body is signed with HMAC-SHA256 under
 * {@code EASYPOST_WEBHOOK_SECRET} in {@code X-Hmac-Signature} (checked by the EasyPost client). A
 * {@code tracker.updated} event moves the fulfilment of its shipment (or tracking number) to shipped when the parcel
 * is on its way and to delivered when it arrived; other events and unknown parcels are acknowledged and ignored.
 * Moves only go forward, so a repeated or late delivery changes nothing.
 */
@Component
class EasyPostWebhooks implements WebhookSource {

	static final String ACTOR = "easypost";
	private static final String SIGNATURE = "X-Hmac-Signature";
	private static final Logger log = LoggerFactory.getLogger(EasyPostWebhooks.class);

	private final EasyPostProperties properties;
	private final Fulfillments fulfillments;

	EasyPostWebhooks(EasyPostProperties properties, Fulfillments fulfillments) {
		this.properties = properties;
		this.fulfillments = fulfillments;
	}

	@Override
	public String name() {
		return "easypost";
	}

	@Override
	public boolean enabled() {
		return properties.webhookSecret() != null;
	}

	@Override
	public WebhookEnvelope verify(WebhookRequest request) {
		if (!enabled()) {
			throw new WebhookRejected("EasyPost webhooks are not configured");
		}
		String signature = request.header(SIGNATURE);
		if (signature == null || signature.isBlank()) {
			throw new WebhookRejected("The " + SIGNATURE + " header is missing");
		}
		byte[] body = request.body() == null ? new byte[0] : request.body();
		try {
			Utilities.validateWebhook(body, Map.of(SIGNATURE, signature), properties.webhookSecret());
		}
		catch (EasyPostException e) {
			throw new WebhookRejected("The EasyPost signature does not match");
		}
		catch (RuntimeException e) {
			throw new WebhookRejected("The EasyPost webhook body is not a readable event");
		}
		Map<String, Object> event;
		try {
			event = Json.map(new String(body, StandardCharsets.UTF_8));
		}
		catch (RuntimeException e) {
			throw new WebhookRejected("The EasyPost webhook body is not JSON");
		}
		String id = text(event, "id");
		String type = text(event, "description");
		if (id == null || type == null) {
			throw new WebhookRejected("The EasyPost event has no id or description");
		}
		Map<String, Object> result = result(event);
		return new WebhookEnvelope(id, type, result == null ? null : text(result, "id"),
				new String(body, StandardCharsets.UTF_8));
	}

	@Override
	public void process(WebhookEnvelope envelope) {
		if (!"tracker.updated".equals(envelope.type()) && !"tracker.created".equals(envelope.type())) {
			return;
		}
		Map<String, Object> tracker = result(Json.map(envelope.payload()));
		if (tracker == null) {
			return;
		}
		String status = text(tracker, "status");
		Tracking tracking = new Tracking(text(tracker, "tracking_code"), text(tracker, "carrier"),
				text(tracker, "public_url"));
		Optional<Fulfillment> found = fulfillments.byShipment(text(tracker, "shipment_id"), tracking.number());
		if (found.isEmpty()) {
			log.info("EasyPost event {} tracks no fulfilment of this store; ignored", envelope.eventId());
			return;
		}
		Fulfillment f = found.get();
		switch (status == null ? "" : status) {
			case "in_transit", "out_for_delivery", "available_for_pickup" -> {
				if (f.state() == FulfillmentState.CREATED) {
					fulfillments.ship(f.id(), tracking, ACTOR);
				}
			}
			case "delivered" -> {
				if (f.state() == FulfillmentState.CREATED) {
					fulfillments.ship(f.id(), tracking, ACTOR);
				}
				if (f.state() != FulfillmentState.DELIVERED && f.state() != FulfillmentState.CANCELED) {
					fulfillments.deliver(f.id(), ACTOR);
				}
			}
			default -> {
				// pre_transit, return_to_sender, failure, unknown: nothing moves; staff see it at the carrier.
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Map<String, Object> event) {
		return event.get("result") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
	}

	private static String text(Map<String, Object> map, String key) {
		Object v = map.get(key);
		return v instanceof String s && !s.isBlank() && s.length() <= 2000 ? s : null;
	}
}
