package dev.loupe.platform.web;

import dev.loupe.platform.ApiError;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Answers every failure of a JSON API in Medusa's error format {@code {"type", "message"}}. A client's mistake is
 * a 4xx that says what was wrong; only a real fault is a 500, and its message reveals nothing internal.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final DataSize maxFileSize;
	private final DataSize maxRequestSize;

	ApiExceptionHandler(org.springframework.core.env.Environment environment) {
		this.maxFileSize = environment.getProperty("spring.servlet.multipart.max-file-size", DataSize.class,
				DataSize.ofMegabytes(1));
		this.maxRequestSize = environment.getProperty("spring.servlet.multipart.max-request-size", DataSize.class,
				DataSize.ofMegabytes(10));
	}

	@ExceptionHandler(LoupeException.class)
	ResponseEntity<ApiError> loupe(LoupeException e) {
		if (e.status() >= 500) {
			log.error("Request failed: {}", e.getMessage());
		}
		if (e instanceof TooManyRequestsException limited) {
			return ResponseEntity.status(429)
				.header("Retry-After", Long.toString(limited.retryAfterSeconds()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApiError.of(e));
		}
		return respond(e.status(), ApiError.of(e));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
		String message = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(f -> f.getField() + ": " + f.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(), message.isEmpty() ? "Invalid request body"
				: message));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ApiError> invalidParameter(ConstraintViolationException e) {
		String message = e.getConstraintViolations()
			.stream()
			.map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(), message));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
		if (causedBy(e, RequestBodyLimit.TooLarge.class)) {
			return respond(413, RequestBodyLimit.tooLarge());
		}
		if (causedBy(e, StreamConstraintsException.class)) {
			return respond(400, new ApiError(ErrorType.INVALID_DATA.code(),
					"The request body is nested too deeply or is too large to read"));
		}
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(),
				"The request body is not valid JSON or does not match the expected shape"));
	}

	@ExceptionHandler(RequestBodyLimit.TooLarge.class)
	ResponseEntity<ApiError> tooLarge(RequestBodyLimit.TooLarge e) {
		return respond(413, RequestBodyLimit.tooLarge());
	}

	/** Tomcat refuses to parse a query string or form with broken percent-encoding (%zz) or an invalid charset. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ApiError> invalidParameters(InvalidParameterException e) {
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(),
				"The query string or form parameters are not validly encoded"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(), "Invalid value for " + e.getName()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(), "Missing parameter " + e.getParameterName()));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(), "Missing header " + e.getHeaderName()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
		return respond(405, new ApiError(ErrorType.NOT_ALLOWED.code(),
				"Method " + e.getMethod() + " is not allowed on this route"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(415, new ApiError(ErrorType.INVALID_DATA.code(), "Send the request body as application/json"));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return respond(406, new ApiError(ErrorType.INVALID_DATA.code(), "This route answers application/json"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
		return respond(413, new ApiError(ErrorType.INVALID_DATA.code(), "The upload is larger than the limit of "
				+ maxFileSize.toMegabytes() + " MB per file and " + maxRequestSize.toMegabytes() + " MB per request"));
	}

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	ResponseEntity<ApiError> badMultipart(Exception e) {
		return respond(400, new ApiError(ErrorType.INVALID_DATA.code(),
				"The request is not a readable multipart/form-data upload"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
		return respond(404, new ApiError(ErrorType.NOT_FOUND.code(),
				"Route " + e.getHttpMethod() + " /" + sanitize(e.getResourcePath()) + " not found"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return respond(500, new ApiError(ErrorType.UNEXPECTED_STATE.code(),
				"An unexpected error occurred; the request id in the X-Request-Id header identifies it in the logs"));
	}

	/** For filters, which answer before Spring MVC (and this advice) is reached. */
	static void write(HttpServletResponse response, int status, ApiError body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"" + body.type() + "\",\"message\":\"" + body.message() + "\"}");
	}

	private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	static ResponseEntity<ApiError> respond(int status, ApiError body) {
		return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	/** Echoes a path back without control characters and at a bounded length. */
	static String sanitize(String value) {
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
	}
}
