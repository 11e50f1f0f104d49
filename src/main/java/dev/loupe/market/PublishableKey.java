package dev.loupe.market;

import java.time.Instant;
import java.util.List;

/**
 * A publishable API key ({@code pk_…}) and the sales channels it opens to storefronts; {@code revokedAt} is null
 * while the key works.
 */
public record PublishableKey(String id, String token, String title, List<String> salesChannelIds, Instant createdAt,
		Instant revokedAt) {

	public boolean isRevoked() {
		return revokedAt != null;
	}
}
