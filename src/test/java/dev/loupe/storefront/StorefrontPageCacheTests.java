package dev.loupe.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.inventory.StockSetup;
import dev.loupe.pricing.PricesChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rendered-page cache of anonymous catalogue pages (ADR 017) over real HTTP with the demo store: hits, gzip and
 * ETags, freshness after price and stock commits, visitors with a cart never sharing pages, and client errors never
 * cached. Each test asks for URLs of its own (an extra query parameter) so that pages other tests rendered do not
 * decide the outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StorefrontPageCacheTests {

	private static final String PRODUCT = "hard-shell-case";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StockSetup stock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aSecondAnonymousGetIsAHitServedGzippedAndTheQueryIsNormalised() throws Exception {
		String path = "/products/" + PRODUCT + "?t=" + nonce();
		double hitsBefore = hits();
		Answer first = get(path, Map.of());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("X-Cache")).isEqualTo("MISS");
		Answer second = get(path, Map.of());
		assertThat(second.header("X-Cache")).isEqualTo("HIT");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Cache-Control")).startsWith("public");
		assertThat(second.header("Vary")).contains("Cookie").contains("Accept-Encoding");
		assertThat(second.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
		assertThat(hits()).isGreaterThanOrEqualTo(hitsBefore + 1);

		HttpResponse<byte[]> gzipped = http.send(request(path, Map.of("Accept-Encoding", "gzip, deflate, br")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(gzipped.headers().firstValue("ETag").orElseThrow()).endsWith("-gz\"")
			.isNotEqualTo(second.header("ETag"));
		String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(unzipped).isEqualTo(first.body());
		assertThat(gzipped.body().length).isLessThan(first.body().getBytes(StandardCharsets.UTF_8).length / 2);

		HttpResponse<String> head = http.send(request(path, Map.of()).method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(head.body()).isEmpty();

		// The same parameters in another order, or encoded otherwise, are the same page.
		String n = nonce();
		assertThat(get("/search?q=lens+case&sort=title&n=" + n, Map.of()).header("X-Cache")).isEqualTo("MISS");
		Answer reordered = get("/search?n=" + n + "&sort=title&q=lens%20case", Map.of());
		assertThat(reordered.header("X-Cache")).isEqualTo("HIT");
		// ...but another region is another page.
		Matcher other = Pattern.compile("<option value=\"([^\"]+)\">").matcher(reordered.body());
		assertThat(other.find()).as("a region other than the default").isTrue();
		String region = other.group(1);
		Answer inRegion = get("/search?n=" + n + "&sort=title&q=lens%20case", Map.of("Cookie", "loupe_region=" + region));
		assertThat(inRegion.status()).isEqualTo(200);
		assertThat(inRegion.header("X-Cache")).isEqualTo("MISS");
	}

	@Test
	void aCommittedPriceChangeShowsOnTheNextRequest() {
		String path = "/products/" + PRODUCT + "?t=" + nonce();
		assertThat(get(path, Map.of()).header("X-Cache")).isEqualTo("MISS");
		Answer cached = get(path, Map.of());
		assertThat(cached.header("X-Cache")).isEqualTo("HIT");
		assertThat(cached.body()).doesNotContain("123.45");
		List<String> variants = jdbc.sql("""
				select v.id from catalog.product_variant v join catalog.product p on p.id = v.product_id
				where p.handle = ? and v.deleted_at is null""").param(PRODUCT).query(String.class).list();
		List<Map<String, Object>> before = jdbc.sql("""
				select id, amount from pricing.price where variant_id = any(?) and price_list_id is null""")
			.param(variants.toArray(String[]::new)).query().listOfRows();
		try {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("update pricing.price set amount = 123.45 where variant_id = any(?) and price_list_id is null")
					.param(variants.toArray(String[]::new)).update();
				events.publishEvent(new PricesChanged(variants));
			});
			Answer fresh = get(path, Map.of());
			assertThat(fresh.header("X-Cache")).isEqualTo("MISS");
			assertThat(fresh.body()).contains("123.45");
		}
		finally {
			transactions.executeWithoutResult(status -> {
				for (Map<String, Object> row : before) {
					jdbc.sql("update pricing.price set amount = ? where id = ?").param(row.get("amount")).param(row.get("id"))
						.update();
				}
				events.publishEvent(new PricesChanged(variants));
			});
		}
		assertThat(get(path, Map.of()).body()).doesNotContain("123.45");
	}

	@Test
	void aStockAdjustmentShowsOnTheNextRequest() {
		Map<String, Object> level = jdbc.sql("""
				select l.variant_id, l.location_id, l.stocked_quantity - l.reserved_quantity as available
				from inventory.inventory_level l join catalog.product_variant v on v.id = l.variant_id
				join catalog.product p on p.id = v.product_id
				where p.handle = ? and v.manage_inventory and v.deleted_at is null
				  and l.stocked_quantity - l.reserved_quantity > 5
				  and (select count(*) from inventory.inventory_level o where o.variant_id = l.variant_id) = 1
				order by l.variant_id limit 1""").param(PRODUCT).query().singleRow();
		String variant = (String) level.get("variant_id");
		String location = (String) level.get("location_id");
		int available = ((Number) level.get("available")).intValue();
		String path = "/products/" + PRODUCT + "?variant=" + variant + "&t=" + nonce();
		assertThat(get(path, Map.of()).body()).contains("In stock");
		assertThat(get(path, Map.of()).header("X-Cache")).isEqualTo("HIT");
		stock.adjust(variant, location, 2 - available, "Page cache test", "test");
		try {
			Answer fresh = get(path, Map.of());
			assertThat(fresh.header("X-Cache")).isEqualTo("MISS");
			assertThat(fresh.body()).contains("Only 2 left");
		}
		finally {
			stock.adjust(variant, location, available - 2, "Page cache test undone", "test");
		}
		assertThat(get(path, Map.of()).body()).doesNotContain("Only 2 left").contains("In stock");
	}

	@Test
	void aVisitorWithACartNeverGetsASharedPageNorLeavesOne() {
		String variant = variantOf(PRODUCT);
		HttpResponse<String> added = post("/cart/add", "variant_id=" + variant + "&quantity=3");
		assertThat(added.statusCode()).isEqualTo(302);
		String cart = added.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("loupe_cart="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		String cartId = cart.substring(cart.indexOf('=') + 1);

		// A page cached for anonymous visitors is not given to the shopper with a cart...
		String shared = "/products/" + PRODUCT + "?t=" + nonce();
		get(shared, Map.of());
		assertThat(get(shared, Map.of()).header("X-Cache")).isEqualTo("HIT");
		Answer own = get(shared, Map.of("Cookie", cart));
		assertThat(own.header("X-Cache")).isEmpty();
		assertThat(own.header("Cache-Control")).contains("private");
		assertThat(own.body()).contains("aria-label=\"3 items in cart\"");

		// ...and the page rendered for the shopper with a cart is never stored for others.
		String personal = "/products/" + PRODUCT + "?t=" + nonce();
		assertThat(get(personal, Map.of("Cookie", cart)).body()).contains("aria-label=\"3 items in cart\"");
		assertThat(get(personal, Map.of("Cookie", "connect.sid=whatever")).header("X-Cache")).isEmpty();
		Answer anonymous = get(personal, Map.of());
		assertThat(anonymous.header("X-Cache")).isEqualTo("MISS");
		Answer again = get(personal, Map.of());
		assertThat(again.header("X-Cache")).isEqualTo("HIT");
		assertThat(again.body()).contains("aria-label=\"0 items in cart\"").contains(">Sign in<")
			.doesNotContain(cartId).doesNotContainIgnoringCase("csrf").doesNotContain("3 items in cart");
	}

	@Test
	void ifNoneMatchIsAnswered304() throws Exception {
		String path = "/categories/sensors?t=" + nonce();
		Answer first = get(path, Map.of());
		String etag = first.header("ETag");
		assertThat(etag).startsWith("\"");
		Answer notModified = get(path, Map.of("If-None-Match", etag));
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(notModified.header("ETag")).isEqualTo(etag);
		HttpResponse<byte[]> gzipped = http.send(request(path, Map.of("Accept-Encoding", "gzip")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(get(path, Map.of("If-None-Match", "\"other\", W/" + gzipTag)).status()).isEqualTo(304);
		assertThat(get(path, Map.of("If-None-Match", "\"other\"")).status()).isEqualTo(200);
	}

	@Test
	void clientErrorsAreNeverCachedAsPages() {
		for (String path : List.of("/products/no-such-thing-" + nonce(), "/categories/nope?page=abc",
				"/collections/nope?t=" + nonce(), "/products/%3Cscript%3E")) {
			for (int i = 0; i < 2; i++) {
				Answer a = get(path, Map.of());
				assertThat(a.status()).as(path).isEqualTo(404);
				assertThat(a.header("X-Cache")).as(path).isEmpty();
				assertThat(a.header("Cache-Control")).as(path).doesNotStartWith("public");
			}
		}
		for (int i = 0; i < 2; i++) {
			String broken = raw("GET /search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(broken).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("x-cache");
		}
		// Junk that pages read leniently is a normal page (cached like any other), never an error.
		String junk = "/search?page=-1&sort=%27%3Bdrop&q=%00&t=" + nonce();
		assertThat(get(junk, Map.of()).status()).isEqualTo(200);
		assertThat(get(junk, Map.of()).status()).isEqualTo(200);
	}

	private double hits() {
		var counter = meters.find("loupe.storefront.page_cache").tag("result", "hit").counter();
		return counter == null ? 0 : counter.count();
	}

	private static String nonce() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private String variantOf(String handle) {
		Matcher m = Pattern.compile("name=\"variant_id\" value=\"([^\"]+)\"")
			.matcher(get("/products/" + handle, Map.of()).body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private HttpRequest.Builder request(String path, Map<String, String> headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		headers.forEach(b::header);
		return b;
	}

	Answer get(String path, Map<String, String> headers) {
		try {
			HttpResponse<String> r = http.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body(), r);
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	HttpResponse<String> post(String path, String form) {
		try {
			return http.send(request(path, Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin",
					"http://localhost:" + port)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	String raw(String request) {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	record Answer(int status, String body, HttpResponse<String> response) {

		String header(String name) {
			return response.headers().firstValue(name).orElse("");
		}
	}
}
