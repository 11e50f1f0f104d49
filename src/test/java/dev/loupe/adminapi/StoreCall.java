package dev.loupe.adminapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A Store API request with a publishable key, to see what shoppers see after an admin change. */
final class StoreCall {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private StoreCall() {
	}

	static HttpResponse<String> get(int port, String path, String publishableKey) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("x-publishable-api-key", publishableKey)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
