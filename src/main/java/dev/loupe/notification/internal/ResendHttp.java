package dev.loupe.notification.internal;

import com.resend.core.net.AbstractHttpResponse;
import com.resend.core.net.HttpMethod;
import com.resend.core.net.IHttpClient;
import com.resend.core.net.RequestOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;

/**
 * The transport resend-java sends its requests through, with a configurable base URL. The SDK's own client has the
 * address {@code https://api.resend.com} compiled in and no way to change it; this one sends the same requests
 * (headers {@code Authorization}, {@code Accept}, {@code User-Agent}, {@code Idempotency-Key}) to
 * {@code RESEND_BASE_URL}, with our timeouts, and reports a 429 with its {@code Retry-After} (which the SDK's
 * exception drops) as {@link RateLimited}. The SDK still builds the request bodies and reads the answers.
 */
class ResendHttp implements IHttpClient<String> {

	/** Resend answered 429: try again no sooner than {@code retryAfter}. */
	static final class RateLimited extends RuntimeException {

		final Duration retryAfter;

		RateLimited(Duration retryAfter, String body) {
			super("Resend rate limit: " + body);
			this.retryAfter = retryAfter;
		}
	}

	private final String baseUrl;
	private final Duration timeout;
	private final HttpClient http;

	ResendHttp(String baseUrl, Duration timeout) {
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public AbstractHttpResponse<String> perform(String path, String apiKey, HttpMethod method, String payload,
			MediaType mediaType) {
		return perform(path, apiKey, method, payload, mediaType, (RequestOptions) null);
	}

	@Override
	public AbstractHttpResponse<String> perform(String path, String apiKey, HttpMethod method, String payload,
			MediaType mediaType, Map<String, String> headers) {
		return perform(path, apiKey, method, payload, mediaType,
				RequestOptions.builder().addAll(headers == null ? Map.of() : headers).build());
	}

	@Override
	public AbstractHttpResponse<String> perform(String path, String apiKey, HttpMethod method, String payload,
			MediaType mediaType, RequestOptions options) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header("User-Agent", "loupe (resend-java)")
			.header("Authorization", "Bearer " + apiKey);
		HttpRequest.BodyPublisher body = payload == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(payload);
		if (payload != null && mediaType != null) {
			request.header("Content-Type", mediaType.toString());
		}
		request.method(method.name(), body);
		if (options != null) {
			if (options.getIdempotencyKey() != null && !options.getIdempotencyKey().isEmpty()) {
				request.header("Idempotency-Key", options.getIdempotencyKey());
			}
			if (options.getAdditionalHeaders() != null) {
				options.getAdditionalHeaders().forEach(request::header);
			}
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Resend is unreachable: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("Interrupted while calling Resend", e));
		}
		if (response.statusCode() == 429) {
			Duration wait = response.headers().firstValue("Retry-After").map(ResendHttp::seconds).orElse(Duration.ZERO);
			throw new RateLimited(wait, response.body());
		}
		int status = response.statusCode();
		return new AbstractHttpResponse<>(status, response.body(), status >= 200 && status < 300);
	}

	private static Duration seconds(String value) {
		try {
			return Duration.ofSeconds(Math.max(0, Math.min(86_400, Long.parseLong(value.strip()))));
		}
		catch (NumberFormatException e) {
			return Duration.ZERO;
		}
	}

	@Override
	public AbstractHttpResponse<String> performMultipart(String path, String apiKey, HttpMethod method, File file,
			MediaType mediaType, Map<String, String> headers) {
		throw new UnsupportedOperationException("Loupe uploads nothing to Resend");
	}

	@Override
	public AbstractHttpResponse<String> performMultipart(String path, String apiKey, HttpMethod method, File file,
			MediaType mediaType, Map<String, String> headers, RequestOptions options) {
		throw new UnsupportedOperationException("Loupe uploads nothing to Resend");
	}

	@Override
	public AbstractHttpResponse<String> performMultipart(String path, String apiKey, HttpMethod method, byte[] data,
			String fileName, MediaType mediaType, Map<String, String> headers) {
		throw new UnsupportedOperationException("Loupe uploads nothing to Resend");
	}

	@Override
	public AbstractHttpResponse<String> performMultipart(String path, String apiKey, HttpMethod method, byte[] data,
			String fileName, MediaType mediaType, Map<String, String> headers, RequestOptions options) {
		throw new UnsupportedOperationException("Loupe uploads nothing to Resend");
	}
}
