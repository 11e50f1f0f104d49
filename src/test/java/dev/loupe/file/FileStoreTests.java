package dev.loupe.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.LoupeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FileStoreTests {

	@LocalServerPort
	int port;

	@Autowired
	FileStore files;

	@Test
	void aStoredFileIsServedWithItsTypeAndCachingHeaders() throws Exception {
		StoredFile stored = files.put("tests/hello.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
				"image/svg+xml");
		assertThat(stored.url()).isEqualTo("/files/tests/hello.svg");

		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + stored.url())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
		assertThat(response.headers().firstValue("cache-control")).hasValueSatisfying(c -> assertThat(c).contains("max-age"));
		assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(c -> assertThat(c).contains("sandbox"));
		assertThat(response.headers().firstValue("x-content-type-options")).contains("nosniff");
		assertThat(files.open("tests/hello.svg")).isPresent();
		files.delete("tests/hello.svg");
		assertThat(files.open("tests/hello.svg")).isEmpty();
	}

	@Test
	void keysCannotEscapeTheStoreAndRequestsCannotTraverseIt() throws Exception {
		for (String key : new String[] { "../db-password", "a/../../b", "/etc/passwd", ".hidden", "a//b", "a\0b", "" }) {
			assertThatThrownBy(() -> files.put(key, new byte[] { 1 }, "application/octet-stream")).as(key)
				.isInstanceOf(LoupeException.class);
		}
		for (String path : new String[] { "/files/..%2fdb-password", "/files/%2e%2e/db-password", "/files/tests/%00",
				"/files/..%5c..%5cdb-password" }) {
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isBetween(400, 404);
			assertThat(response.body()).as(path).doesNotContain("BEGIN").startsWith("{");
		}
	}
}
