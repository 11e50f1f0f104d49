package dev.loupe.identity;

import java.time.Instant;

/** An invitation of a member of staff; the token is only in the email. */
public record StaffInvite(String id, String email, StaffRole role, String createdBy, Instant createdAt,
		Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

	public boolean isOpen(Instant now) {
		return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
	}
}
