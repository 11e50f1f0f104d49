package dev.loupe.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Request ids, health, and the answers to requests that are wrong before they reach any API code. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HttpEdgeTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	@Test
	void everyResponseCarriesARequestIdThatASaneCallerChooses() throws Exception {
		HttpResponse<String> generated = send(at("/health"));
		assertThat(generated.statusCode()).isEqualTo(200);
		assertThat(generated.body()).isEqualTo("OK");
		assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));

		HttpResponse<String> echoed = send(at("/health").header("X-Request-Id", "trace-1234-abcd"));
		assertThat(echoed.headers().firstValue("X-Request-Id")).contains("trace-1234-abcd");

		HttpResponse<String> replaced = send(at("/health").header("X-Request-Id", "<script>alert(1)</script>"));
		assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
		HttpResponse<String> tooLong = send(at("/health").header("X-Request-Id", "a".repeat(500)));
		assertThat(tooLong.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
	}

	@Test
	void readinessIncludesTheDatabase() throws Exception {
		HttpResponse<String> ready = send(at("/actuator/health/readiness"));
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> metrics = send(at("/actuator/prometheus"));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests");
	}

	@Test
	void unknownRoutesAndMethodsAnswerJson() throws Exception {
		HttpResponse<String> missing = send(at("/store/nothing-here"));
		assertThat(missing.statusCode()).isIn(400, 404);
		assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

		HttpResponse<String> noRoute = send(at("/auth/no/such/route"));
		assertThat(noRoute.statusCode()).isEqualTo(404);
		assertThat(noRoute.body()).contains("\"type\":\"not_found\"");

		// A page for people (outside the APIs, ADR 016) answers an HTML error page instead.
		HttpResponse<String> noPage = send(at("/no/such/page"));
		assertThat(noPage.statusCode()).isEqualTo(404);
		assertThat(noPage.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(noPage.body()).contains("Page not found");

		HttpResponse<String> wrongMethod = send(at("/health").method("DELETE", HttpRequest.BodyPublishers.noBody()));
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.body()).startsWith("{").contains("\"type\"");
	}

	@Test
	void bytesTomcatRefusesStillGetAJsonAnswer() throws Exception {
		for (String path : new String[] { "/store/products/%00", "/store/%zz", "/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd",
				"/store/products?q=%zz" }) {
			String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			int status = Integer.parseInt(answer.substring(9, 12));
			assertThat(status).as(path).isBetween(400, 404);
			assertThat(answer).as(path).containsIgnoringCase("content-type: application/json");
			assertThat(answer).as(path).doesNotContain("<html");
		}
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}
}
