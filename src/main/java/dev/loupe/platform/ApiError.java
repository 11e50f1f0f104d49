package dev.loupe.platform;

/** The JSON error body shared by the Store and Admin APIs: {@code {"type": "not_found", "message": "…"}}. */
public record ApiError(String type, String message) {

	public static ApiError of(LoupeException e) {
		return new ApiError(e.type().code(), e.getMessage());
	}
}
