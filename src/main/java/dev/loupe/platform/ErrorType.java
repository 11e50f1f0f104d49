package dev.loupe.platform;

/** The error types of Medusa's Store API, with the HTTP status each one answers with. */
public enum ErrorType {

	NOT_FOUND("not_found", 404),
	INVALID_DATA("invalid_data", 400),
	NOT_ALLOWED("not_allowed", 400),
	UNAUTHORIZED("unauthorized", 401),
	FORBIDDEN("forbidden", 403),
	DUPLICATE_ERROR("duplicate_error", 422),
	CONFLICT("conflict", 409),
	PAYMENT_AUTHORIZATION_ERROR("payment_authorization_error", 422),
	TOO_MANY_REQUESTS("too_many_requests", 429),
	UNEXPECTED_STATE("unexpected_state", 500);

	private final String code;
	private final int status;

	ErrorType(String code, int status) {
		this.code = code;
		this.status = status;
	}

	/** The {@code type} field written in error bodies. */
	public String code() {
		return code;
	}

	public int status() {
		return status;
	}
}
