package dev.loupe.storeapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for Store API tests: real requests to the running server, JSON answers. */
final class StoreApiTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StoreApiTestSupport() {
	}

	record Answer(int status, String contentType, JsonNode body, String raw) {
	}

	static Answer get(int port, String pathAndQuery, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
		if (key != null) {
			request.header("x-publishable-api-key", key);
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
					response.body());
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
