package dev.loupe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a client sends, the answer is a 4xx with the APIs' JSON error body: never a 500, never Tomcat's HTML page.
 * Bytes that java.net.http refuses to send go through a raw socket.
 */
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("test")
class HostileInputTests {

	static final JsonMapper json = JsonMapper.builder().build();
	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort int port;

	@ParameterizedTest
	@ValueSource(strings = { "/store/products/%00", "/store/products/prod_%00", "/store/products/%C0%AE%C0%AE",
			"/admin/products/%C0%AE", "/store/products/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/store/products/%ZZ",
			"/store/products/a%2Fb", "/store/products/%25", "/store/products/x;jsessionid=1", "/%00" })
	void hostilePathsAreAnsweredWithJson(String path) throws Exception {
		Answer answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		answer.assertJsonClientError();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/store/products?q=%zz", "/store/products?q=%00", "/store/products?q=%C0%AE",
			"/auth/test-probe/echo?q=%zz", "/auth/test-probe/echo?q=%C0%AE", "/auth/test-probe/echo?q=%", "/auth/test-probe/echo?%zz=1" })
	void badlyEncodedQueryParametersAreAnsweredWithJson(String target) throws Exception {
		Answer answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		answer.assertJsonClientError();
	}

	@Test
	void aNulInAQueryParameterReachesTheHandlerAsData() throws Exception {
		Answer answer = raw("GET /auth/test-probe/echo?q=a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("q").asString()).isEqualTo("a\u0000b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /store/products?q=<script> HTTP/1.1", "GET /store/pro{ducts HTTP/1.1",
			"GET /store/products/\u0001 HTTP/1.1", "GET /store/products/\u0000 HTTP/1.1",
			"GET /store/products/\u00c0\u00ae HTTP/1.1", "GE\u0000T / HTTP/1.1",
			"GET store/products HTTP/1.1" })
	void requestLinesThatTomcatRejectsAreAnsweredWithJson(String requestLine) throws Exception {
		Answer answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		answer.assertJsonClientError();
	}

	@Test
	void anUnknownHttpVersionIsA505InJson() throws Exception {
		Answer answer = raw("GET /store/products HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isEqualTo(505);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.json().get("type").asString()).isEqualTo("invalid_data");
	}

	@Test
	void aHeaderWithAControlCharacterIsAnsweredWithJson() throws Exception {
		raw("GET /store/products HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\nConnection: close\r\n\r\n")
			.assertJsonClientError();
	}

	@Test
	void anUnknownRouteIsA404InJson() throws Exception {
		Answer answer = send(HttpRequest.newBuilder(uri("/auth/no-such-route")).GET());

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().get("type").asString()).isEqualTo("not_found");
	}

	@Test
	void aWrongMethodIsA405InJson() throws Exception {
		Answer answer = send(HttpRequest.newBuilder(uri("/health")).DELETE());

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(405);
	}

	@Test
	void anUnsupportedMediaTypeIsA415InJson() throws Exception {
		Answer answer = send(HttpRequest.newBuilder(uri("/auth/test-probe/echo/x"))
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("{}")));

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{\"a\":}", "nul", "{\"a\":\"\\u00\"}", "\u0000", "[1,2", "{\"a\":1}}" })
	void malformedJsonIsA400InJson(String body) throws Exception {
		Answer answer = postJson(body.getBytes(StandardCharsets.UTF_8));

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(400);
	}

	@Test
	void invalidUtf8InAJsonBodyIsA400InJson() throws Exception {
		Answer answer = postJson(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}' });

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(400);
	}

	@Test
	void deeplyNestedJsonIsA400InJson() throws Exception {
		Answer answer = postJson("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString()).contains("nested too deeply");
	}

	@Test
	void jsonNestedWithinTheLimitIsAccepted() throws Exception {
		int depth = JsonReadLimits.MAX_NESTING_DEPTH - 1;
		Answer answer = postJson(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII));

		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void anOversizedBodyIsA413InJson() throws Exception {
		byte[] body = oversizedJson();
		Answer answer = postJson(body);

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(413);
	}

	@Test
	void anOversizedChunkedBodyIsA413InJson() throws Exception {
		byte[] body = oversizedJson();
		Answer answer = send(HttpRequest.newBuilder(uri("/auth/test-probe/echo/x"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

		answer.assertJsonClientError();
		assertThat(answer.status()).isEqualTo(413);
	}

	private static byte[] oversizedJson() {
		return ("{\"a\":\"" + "x".repeat((int) RequestBodyLimit.MAX) + "\"}").getBytes(StandardCharsets.US_ASCII);
	}

	private Answer postJson(byte[] body) throws Exception {
		return send(HttpRequest.newBuilder(uri("/auth/test-probe/echo/x"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(body)));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		var response = http.send(request.build(), BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	/** Sends the bytes as they are (ISO-8859-1: one char, one byte) and reads the answer until the server closes. */
	private Answer raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return Answer.parse(all.toByteArray());
		}
	}

	record Answer(int status, String contentType, String body) {

		static Answer parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("a complete HTTP response: " + text).isPositive();
			String[] head = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(head[0].split(" ")[1]);
			String contentType = Arrays.stream(head)
				.filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type:"))
				.map(h -> h.substring(13).strip())
				.findFirst()
				.orElse("");
			boolean chunked = Arrays.stream(head)
				.anyMatch(h -> h.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked"));
			String body = text.substring(end + 4);
			return new Answer(status, contentType, chunked ? dechunk(body) : body);
		}

		private static String dechunk(String body) {
			StringBuilder out = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = body.indexOf("\r\n", at);
				int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
				if (size == 0) {
					return out.toString();
				}
				out.append(body, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

		JsonNode json() {
			return HostileInputTests.json.readTree(body);
		}

		void assertJsonClientError() {
			assertThat(status).as(this::toString).isBetween(400, 499);
			assertThat(contentType).as(this::toString).startsWith("application/json");
			assertThat(body).as(this::toString).doesNotContainIgnoringCase("<html");
			JsonNode error = json();
			assertThat(error.get("type").asString()).as(this::toString).isNotBlank();
			assertThat(error.get("message").asString()).as(this::toString).isNotBlank();
		}
	}
}
