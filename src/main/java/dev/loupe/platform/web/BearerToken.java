package dev.loupe.platform.web;

import java.util.Optional;

/** The credential of an {@code Authorization: Bearer …} header (scheme case-insensitive), if the header is one. */
public final class BearerToken {

	private static final int MAX_HEADER = 5000;

	private BearerToken() {
	}

	public static Optional<String> of(String header) {
		if (header == null || header.length() <= 7 || header.length() > MAX_HEADER
				|| !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String token = header.substring(7).strip();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}
}
