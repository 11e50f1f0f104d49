package dev.loupe.identity;

import java.time.Instant;

/** A secret API key as staff see it later: never the token itself, only its redacted form. */
public record SecretApiKey(String id, String title, String redacted, String createdBy, Instant createdAt,
		Instant lastUsedAt, Instant revokedAt) {

	public boolean isRevoked() {
		return revokedAt != null;
	}
}
