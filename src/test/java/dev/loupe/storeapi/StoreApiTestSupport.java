package dev.loupe.storeapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for Store API tests: real requests to the running server, JSON answers. */
final class StoreApiTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StoreApiTestSupport() {
	}

	record Answer(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {

		String type() {
			return body == null ? null : body.path("type").asString();
		}

		String message() {
			return body == null ? null : body.path("message").asString();
		}
	}

	static Answer get(int port, String pathAndQuery, String key) {
		return send(port, "GET", pathAndQuery, key, null, null);
	}

	/**
	 * Any request: with the publishable key and a bearer token when not null, and a JSON body when not null (sent as
	 * {@code application/json}).
	 */
	static Answer send(int port, String method, String pathAndQuery, String key, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("x-publishable-api-key", key);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = null;
			try {
				body = JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				// left null: the assertion on the content type will say so
			}
			return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""), body,
					response.body(), response.headers());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
