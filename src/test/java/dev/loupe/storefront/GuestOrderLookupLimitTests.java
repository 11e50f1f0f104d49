package dev.loupe.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.identity.GuestOrderLookups;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Guessing through the guest order lookup is limited per client address and per order number (10 failures in
 * 15 minutes), answered with the lookup page, a 429 and {@code Retry-After}. Each client connects from its own
 * loopback address (127.0.0.x) so that the two limits can be told apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GuestOrderLookupLimitTests {

	static final List<String> CLIENTS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");

	@LocalServerPort
	int port;

	@Autowired
	GuestOrderLookups lookups;

	@BeforeEach
	@AfterEach
	void forget() {
		CLIENTS.forEach(lookups::forgetAddress);
	}

	@Test
	void failedLookupsOfOneOrderNumberAreLimitedWhicheverAddressTheyComeFrom() throws Exception {
		String number = Long.toString(900_000_000L + System.nanoTime() % 99_999_999L);
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> miss = lookup("127.0.0.2", number, "guess" + i + "@example.com");
			assertThat(miss.statusCode()).as("attempt " + (i + 1)).isEqualTo(404);
			assertThat(miss.body()).contains("We could not find an order");
		}
		HttpResponse<String> limited = lookup("127.0.0.2", number, "guess10@example.com");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After").orElse("")).isEqualTo("900");
		assertThat(limited.body()).contains("Too many order lookups that did not match").contains("wait 15 minutes")
			.contains("<h1>Find your order</h1>").doesNotContain("Exception");
		assertThat(limited.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		// Another address is refused for this order number too, but may look up other orders.
		assertThat(lookup("127.0.0.3", number, "owner@example.com").statusCode()).isEqualTo(429);
		assertThat(lookup("127.0.0.3", "#" + (Long.parseLong(number) + 1), "owner@example.com").statusCode())
			.isEqualTo(404);
	}

	@Test
	void failedLookupsFromOneAddressAreLimitedWhateverOrderTheyTry() throws Exception {
		long base = 800_000_000L + System.nanoTime() % 99_999_999L;
		for (int i = 0; i < 10; i++) {
			assertThat(lookup("127.0.0.4", Long.toString(base + i), "x@example.com").statusCode()).isEqualTo(404);
		}
		assertThat(lookup("127.0.0.4", Long.toString(base + 10), "x@example.com").statusCode()).isEqualTo(429);
		// Junk numbers count as failures too and are refused the same way, never a 500.
		assertThat(lookup("127.0.0.4", "abc%00", "x").statusCode()).isEqualTo(429);
		assertThat(lookup("127.0.0.3", Long.toString(base + 11), "x@example.com").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> lookup(String from, String number, String email) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		try (client) {
			return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/order/lookup"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", "http://127.0.0.1:" + port)
				.POST(HttpRequest.BodyPublishers.ofString("number=" + number.replace("#", "%23") + "&email="
						+ email.replace("@", "%40")))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
