package dev.loupe.notification.internal;

import dev.loupe.platform.StartupException;
import dev.loupe.webhook.WebhookEnvelope;
import dev.loupe.webhook.WebhookRejected;
import dev.loupe.webhook.WebhookRequest;
import dev.loupe.webhook.WebhookSource;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resend's delivery events ({@code POST /webhooks/resend}, signed by Svix with {@code RESEND_WEBHOOK_SECRET}):
 * {@code email.delivered}, {@code email.bounced} and {@code email.complained} set the delivery status of the message
 * Resend knows by {@code data.email_id}. Other event types are acknowledged and ignored. A status only moves forward
 * (delivered, then bounced or complained), so a late or replayed event changes nothing.
 */
@Component
class ResendWebhooks implements WebhookSource {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Map<String, String> STATUS = Map.of("email.delivered", "delivered", "email.bounced", "bounced",
			"email.complained", "complained");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SvixSignature signature;

	ResendWebhooks(JdbcClient jdbc, Clock clock, MailSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		String secret = settings.resend().webhookSecret();
		try {
			this.signature = secret.isBlank() ? null : new SvixSignature(secret);
		}
		catch (IllegalArgumentException e) {
			throw new StartupException("RESEND_WEBHOOK_SECRET", e.getMessage(), e);
		}
	}

	@Override
	public String name() {
		return "resend";
	}

	@Override
	public boolean enabled() {
		return signature != null;
	}

	@Override
	public WebhookEnvelope verify(WebhookRequest request) {
		if (signature == null) {
			throw new WebhookRejected("Resend webhooks are not configured");
		}
		signature.verify(request.header("svix-id"), request.header("svix-timestamp"), request.header("svix-signature"),
				request.body(), clock.instant());
		JsonNode event;
		try {
			String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(request.body())).toString();
			event = JSON.readTree(text);
		}
		catch (CharacterCodingException | JacksonException e) {
			throw new WebhookRejected("The body is not JSON");
		}
		if (event == null || !event.isObject() || !event.path("type").isString()) {
			throw new WebhookRejected("The body is not a Resend event");
		}
		String emailId = event.path("data").path("email_id").asString("");
		return new WebhookEnvelope(request.header("svix-id"), event.path("type").asString(),
				emailId.isEmpty() ? null : emailId, new String(request.body(), StandardCharsets.UTF_8));
	}

	@Override
	public void process(WebhookEnvelope envelope) {
		String status = STATUS.get(envelope.type());
		if (status == null || envelope.objectId() == null) {
			return;
		}
		Instant at = clock.instant();
		JsonNode event = JSON.readTree(envelope.payload());
		String created = event.path("created_at").asString("");
		try {
			at = created.isEmpty() ? at : OffsetDateTime.parse(created).toInstant();
		}
		catch (DateTimeParseException e) {
			// Resend documents ISO-8601; anything else is dated when received.
		}
		jdbc.sql("""
				update notification.message set delivery_status = ?, delivery_updated_at = ?
				where provider = 'resend' and provider_message_id = ?
				  and coalesce(case delivery_status when 'delivered' then 1 when 'bounced' then 2 when 'complained' then 3 end, 0)
				      < case ? when 'delivered' then 1 when 'bounced' then 2 else 3 end""")
			.params(status, Timestamp.from(at), envelope.objectId(), status)
			.update();
	}
}
