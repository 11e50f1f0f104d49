package dev.loupe.backoffice;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the back office: keeps the cookies it is given (by name, ignoring paths: every
 * back office cookie is on /app), never follows redirects, and reads the CSRF token from the last page.
 */
final class BackOfficeClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;
	final Map<String, String> cookies = new LinkedHashMap<>();
	String lastCsrf;

	BackOfficeClient(int port) {
		this.port = port;
	}

	record Page(int status, String body, HttpResponse<String> response) {

		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		List<String> setCookies() {
			return response.headers().allValues("set-cookie");
		}

		String setCookie(String name) {
			return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
		}
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	Page post(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts an encoded form body as given (repeated fields), with the last page's CSRF token. */
	Page postRaw(String path, String encodedForm) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encodedForm + "&_csrf=" + URLEncoder.encode(lastCsrf,
					StandardCharsets.UTF_8))));
	}

	/** Posts with the CSRF token of the last page read, as a form on it would. */
	Page submit(String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", lastCsrf);
		return post(path, withToken);
	}

	/** Posts an empty form with one extra header (as htmx sends its CSRF token). */
	Page postWithHeader(String path, String header, String value) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString("")));
	}

	/** Uploads a file as multipart/form-data (field {@code file}) with the last page's CSRF token. */
	Page upload(String path, String fileName, byte[] content) {
		return upload(path, "file", fileName, content);
	}

	/** Uploads a file as multipart/form-data in the named field with the last page's CSRF token. */
	Page upload(String path, String field, String fileName, byte[] content) {
		String boundary = "----loupe" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + lastCsrf
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		body.writeBytes(head);
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Signs in through the form; the answer of the POST. */
	Page signIn(String email, String password) {
		get("/app/login");
		return submit("/app/login", Map.of("email", email, "password", password));
	}

	private Page send(HttpRequest.Builder builder) {
		if (!cookies.isEmpty()) {
			builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("set-cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq);
				String value = pair.substring(eq + 1);
				if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			Matcher csrf = CSRF.matcher(response.body());
			if (csrf.find()) {
				lastCsrf = csrf.group(1);
			}
			return new Page(response.statusCode(), response.body(), response);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}
}
