package dev.loupe.webhook.internal;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.LoupeException;
import dev.loupe.webhook.WebhookInbox;
import dev.loupe.webhook.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{source}}: vendors deliver their events here. Answered 200 as soon as the delivery is stored
 * (or known already), 404 for a source that is unknown or not configured, 400 when verification fails, 413 for a body
 * over {@code loupe.webhook.max-body-size}.
 */
@RestController
class WebhookRoutes {

	private final WebhookInbox inbox;
	private final WebhookProperties properties;

	WebhookRoutes(WebhookInbox inbox, WebhookProperties properties) {
		this.inbox = inbox;
		this.properties = properties;
	}

	@PostMapping("/webhooks/{source}")
	ResponseEntity<Map<String, Object>> receive(@PathVariable String source, HttpServletRequest http)
			throws IOException {
		byte[] body = read(http);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(http.getHeaderNames())) {
			headers.put(name.toLowerCase(Locale.ROOT), http.getHeader(name));
		}
		WebhookInbox.Receipt receipt = inbox.receive(source, new WebhookRequest(headers, body, Instant.now()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("received", true);
		answer.put("id", receipt.deliveryId());
		answer.put("duplicate", receipt.duplicate());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
	}

	private byte[] read(HttpServletRequest http) throws IOException {
		long max = properties.maxBodySize().toBytes();
		if (http.getContentLengthLong() > max) {
			throw tooLarge(max);
		}
		try (InputStream in = http.getInputStream()) {
			byte[] body = in.readNBytes((int) max + 1);
			if (body.length > max) {
				throw tooLarge(max);
			}
			return body;
		}
	}

	private static LoupeException tooLarge(long max) {
		return new LoupeException(ErrorType.INVALID_DATA, 413, "The webhook body is larger than " + max + " bytes");
	}
}
