package dev.loupe.adminapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP requests to the Admin API of the running test server, authenticated with a secret API key. */
record AdminApi(int port, String authorization) {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	static AdminApi bearer(int port, String key) {
		return new AdminApi(port, "Bearer " + key);
	}

	static AdminApi basic(int port, String key) {
		return new AdminApi(port, "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
	}

	record Answer(int status, String contentType, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

		String type() {
			return body == null ? null : body.path("type").asString();
		}

		String message() {
			return body == null ? null : body.path("message").asString();
		}
	}

	Answer get(String path) {
		return send(request(path).GET());
	}

	Answer delete(String path) {
		return send(request(path).DELETE());
	}

	Answer post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	Answer post(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	Answer upload(String path, String fileName, String contentType, byte[] content) {
		String boundary = "loupe-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	byte[] download(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		return authorization == null ? builder : builder.header("Authorization", authorization);
	}

	private static Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = null;
			try {
				body = JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				// left null: assertions on the content type say so
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
