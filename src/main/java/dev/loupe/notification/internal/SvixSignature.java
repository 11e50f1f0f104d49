package dev.loupe.notification.internal;

import dev.loupe.webhook.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Svix's webhook signature, which Resend uses: {@code svix-signature} lists space-separated {@code v1,<base64>}
 * HMAC-SHA256 signatures of {@code <svix-id>.<svix-timestamp>.<body>}, keyed with the base64 part of the
 * {@code whsec_…} secret; {@code svix-timestamp} (Unix seconds) must be within 5 minutes of now either way, so a
 * captured delivery cannot be replayed later.
 */
public final class SvixSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final byte[] key;

	public SvixSignature(String secret) {
		String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
		try {
			this.key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("RESEND_WEBHOOK_SECRET must be whsec_ followed by base64", e);
		}
	}

	/** Checks the headers against the body; throws {@link WebhookRejected} when anything is missing or wrong. */
	public void verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
		if (id == null || id.isBlank() || timestamp == null || signatures == null || signatures.isBlank()) {
			throw new WebhookRejected("Missing svix-id, svix-timestamp or svix-signature header");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			throw new WebhookRejected("Invalid svix-timestamp");
		}
		if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			throw new WebhookRejected("The svix-timestamp is more than 5 minutes away from now");
		}
		byte[] expected = sign(id + "." + timestamp.strip() + ".", body);
		for (String candidate : signatures.strip().split(" +")) {
			int comma = candidate.indexOf(',');
			if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] given;
			try {
				given = Base64.getDecoder().decode(candidate.substring(comma + 1));
			}
			catch (IllegalArgumentException e) {
				continue;
			}
			if (MessageDigest.isEqual(expected, given)) {
				return;
			}
		}
		throw new WebhookRejected("No valid svix-signature");
	}

	/** The v1 signature of a delivery (tests sign with it, as Svix does). */
	public String sign(String id, long timestamp, byte[] body) {
		return "v1," + Base64.getEncoder().encodeToString(sign(id + "." + timestamp + ".", body));
	}

	private byte[] sign(String prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(prefix.getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
