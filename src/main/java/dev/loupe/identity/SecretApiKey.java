package dev.loupe.identity;

import java.time.Instant;

/** A secret API key as staff see it later: never the token itself, only its redacted form; and what it may do. */
public record SecretApiKey(String id, String title, String redacted, String createdBy, Instant createdAt,
		Instant lastUsedAt, Instant revokedAt, java.util.Set<Permission> scopes) {

	/** Whether the key was granted a permission (its scope). */
	public boolean can(Permission permission) {
		return scopes.contains(permission);
	}

	public boolean isRevoked() {
		return revokedAt != null;
	}
}
