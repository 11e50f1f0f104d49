package dev.loupe.platform;

/**
 * A failure with a meaning for the caller: the APIs answer it as {@code {"type", "message"}} with the status of its
 * {@link ErrorType}. Messages are written for the client and name the offending field or id.
 */
public class LoupeException extends RuntimeException {

	private final ErrorType type;
	private final int status;

	public LoupeException(ErrorType type, String message) {
		this(type, type.status(), message);
	}

	public LoupeException(ErrorType type, int status, String message) {
		super(message, null, false, false);
		this.type = type;
		this.status = status;
	}

	public static LoupeException notFound(String what, String id) {
		return new LoupeException(ErrorType.NOT_FOUND, what + " with id: " + id + " was not found");
	}

	public static LoupeException invalidData(String message) {
		return new LoupeException(ErrorType.INVALID_DATA, message);
	}

	public static LoupeException notAllowed(String message) {
		return new LoupeException(ErrorType.NOT_ALLOWED, message);
	}

	public static LoupeException unauthorized(String message) {
		return new LoupeException(ErrorType.UNAUTHORIZED, message);
	}

	public static LoupeException conflict(String message) {
		return new LoupeException(ErrorType.CONFLICT, message);
	}

	public static LoupeException duplicate(String message) {
		return new LoupeException(ErrorType.DUPLICATE_ERROR, message);
	}

	public ErrorType type() {
		return type;
	}

	public int status() {
		return status;
	}
}
