package dev.loupe.webhook;

import java.util.List;

/** A page of deliveries, newest first, and how many match in all. */
public record WebhookPage(List<WebhookDelivery> deliveries, int count, int offset, int limit) {

	public WebhookPage {
		deliveries = List.copyOf(deliveries);
	}
}
