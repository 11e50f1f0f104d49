package dev.loupe.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The storefront's pages over real HTTP with the demo store: status codes (404 for unknown handles, never a 500 for
 * junk query parameters), SEO tags, caching headers, fingerprinted assets, the HTML/JSON error split and the Origin
 * check of storefront forms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StorefrontPagesTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void catalogueAndAccountPagesAnswer200() {
		for (String path : new String[] { "/", "/categories/sensors", "/categories/frames", "/collections/smart-home",
				"/search", "/search?q=presence", "/search?q=zzzznothing", "/products/loupe-presence-one", "/cart",
				"/account/login", "/account/register", "/account/reset", "/order/lookup", "/robots.txt",
				"/sitemap.xml" }) {
			Answer a = get(path);
			assertThat(a.status()).as(path + "\n" + a.body()).isEqualTo(200);
		}
	}

	@Test
	void unknownHandlesAndPathsAre404PagesAndApiPathsStayJson() {
		for (String path : new String[] { "/products/no-such-thing", "/categories/nope", "/collections/nope",
				"/no/such/page", "/products/%3Cscript%3E", "/app/assets/no-such.css", "/order/confirmed/order_01NOPE" }) {
			Answer a = get(path);
			assertThat(a.status()).as(path).isEqualTo(404);
			assertThat(a.contentType()).as(path).startsWith("text/html");
			assertThat(a.body()).as(path).contains("Page not found").doesNotContain("Exception");
		}
		// The back office's pages send a visitor without a staff session to its sign-in page first.
		Answer backOffice = get("/app/whatever");
		assertThat(backOffice.status()).isEqualTo(303);
		assertThat(backOffice.header("Location")).contains("/app/login");
		Answer api = get("/store/nothing-here");
		assertThat(api.status()).isIn(400, 404);
		assertThat(api.contentType()).startsWith("application/json");
		Answer admin = get("/admin/nothing-here");
		assertThat(admin.contentType()).startsWith("application/json");
	}

	@Test
	void junkQueryParametersNeverFail() {
		for (String path : new String[] { "/search?page=-1&limit=999999999&q=%00", "/search?page=99999999999999999999",
				"/search?sort=%27%3Bdrop", "/search?q=" + "x".repeat(5000), "/search?category=..%2F..&collection=%00",
				"/categories/sensors?page=abc&sort=price", "/products/loupe-presence-one?variant=%00%01",
				"/products/loupe-presence-one?variant=variant_01NOPE", "/search?q=%E2%80%AE%F0%9F%98%80",
				"/?page=-5", "/cart?x=%00" }) {
			Answer a = get(path);
			assertThat(a.status()).as(path).isEqualTo(200);
		}
		String broken = raw("GET /search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(broken).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: text/html");
	}

	@Test
	void pagesCarrySeoTags() {
		Answer product = get("/products/loupe-presence-one");
		assertThat(product.body())
			.contains("<title>Loupe Presence One · Loupe</title>")
			.contains("<meta name=\"description\" content=\"Presence One uses a 24 GHz mmWave radar")
			.contains("<link rel=\"canonical\" href=\"http://localhost:" + port + "/products/loupe-presence-one\">")
			.contains("<meta property=\"og:title\"")
			.contains("<meta property=\"og:image\" content=\"http://localhost:" + port + "/files/")
			.contains("\"@type\":\"Product\"")
			.contains("\"@type\":\"BreadcrumbList\"")
			.contains("\"priceCurrency\":\"USD\"");
		Answer category = get("/categories/sensors");
		assertThat(category.body()).contains("<h1>Presence sensors</h1>").contains("BreadcrumbList")
			.contains("<link rel=\"canonical\"");
		assertThat(get("/search?q=one").body()).contains("<meta name=\"robots\" content=\"noindex, follow\">");
		Answer sitemap = get("/sitemap.xml");
		assertThat(sitemap.contentType()).startsWith("application/xml");
		assertThat(sitemap.body()).contains("<loc>http://localhost:" + port + "/products/loupe-presence-one</loc>")
			.contains("/categories/sensors</loc>");
		assertThat(get("/robots.txt").body()).contains("Disallow: /checkout")
			.contains("Sitemap: http://localhost:" + port + "/sitemap.xml");
	}

	@Test
	void productPageShowsVariantsPricesAndStockStates() {
		String single = get("/products/loupe-presence-one").body();
		assertThat(single).contains("$48.99").contains("In stock");
		Matcher pack = Pattern.compile("href=\"(/products/loupe-presence-one\\?variant=[^\"]+)\"[^>]*>3-pack").matcher(single);
		assertThat(pack.find()).as("a link to the 3-pack").isTrue();
		assertThat(get(pack.group(1)).body()).contains("data-price>$128.99</span>");
		// Black / 3-pack has no stock: reach it through the option links, two choices away from the default variant.
		boolean sawOut = false;
		java.util.Set<String> seen = new java.util.HashSet<>();
		java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of("/products/loupe-presence-ceiling"));
		while (!todo.isEmpty() && seen.size() < 12) {
			String path = todo.poll();
			if (!seen.add(path)) {
				continue;
			}
			String page = get(path).body();
			if (page.contains("Out of stock")) {
				sawOut = page.contains("id=\"add-to-cart\" disabled") && page.contains("stock-out");
			}
			Matcher links = Pattern.compile("href=\"(/products/loupe-presence-ceiling\\?variant=[^\"]+)\"").matcher(page);
			while (links.find()) {
				todo.add(links.group(1));
			}
		}
		assertThat(sawOut).as("the black 3-pack is out of stock and cannot be added").isTrue();
	}

	@Test
	void cachingHeadersAndFingerprintedCompressedAssets() throws Exception {
		Answer home = get("/");
		assertThat(home.header("Cache-Control")).contains("public").contains("max-age=60");
		assertThat(get("/cart").header("Cache-Control")).contains("no-store");
		Matcher css = Pattern.compile("href=\"(/assets/shop-[0-9a-f]{32}\\.css)\"").matcher(home.body());
		assertThat(css.find()).as("a fingerprinted stylesheet").isTrue();
		HttpResponse<byte[]> asset = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + css.group(1)))
			.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(asset.headers().firstValue("Content-Encoding").orElse("")).isEqualTo("gzip");
		assertThat(home.body()).containsPattern("/assets/htmx\\.min-[0-9a-f]{32}\\.js");
	}

	@Test
	void formsFromAnotherSiteAreRefused() throws Exception {
		HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cart/discount"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("code=WELCOME10"));
		assertThat(http.send(post.copy().header("Origin", "https://evil.example").build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(http.send(post.copy().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(http.send(post.copy().header("Origin", "http://localhost:" + port).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
	}

	@Test
	void placingAnOrderTwiceAtOnceMakesOneOrderAndTheConfirmationIsPrivate() throws Exception {
		HttpResponse<String> added = post("/cart/add", "variant_id=" + variantOf("loupe-presence-mini") + "&quantity=2", "");
		assertThat(added.statusCode()).isEqualTo(302);
		String cookies = cookie(added, "loupe_cart");
		assertThat(added.headers().allValues("Set-Cookie").getFirst()).contains("HttpOnly").contains("SameSite=Lax");
		HttpResponse<String> refused = post("/checkout/address", "email=x&first_name=&country_code=zz", cookies);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Enter an email address like").contains("Enter your street address.")
			.contains("Choose a country we ship to");
		assertThat(post("/checkout/address", "email=twice%40example.com&first_name=Alan&last_name=Turing"
				+ "&address_1=2+Bletchley+Park&city=Austin&province=TX&postal_code=73301&country_code=us", cookies)
			.statusCode()).isEqualTo(302);
		String shippingStep = get("/checkout", cookies).body();
		Matcher option = Pattern.compile("name=\"option_id\" value=\"([^\"]+)\"").matcher(shippingStep);
		assertThat(option.find()).as(shippingStep).isTrue();
		assertThat(post("/checkout/shipping", "option_id=" + option.group(1), cookies).statusCode()).isEqualTo(302);
		assertThat(post("/checkout/payment", "provider_id=pp_system_default", cookies).statusCode()).isEqualTo(302);
		String review = get("/checkout", cookies).body();
		Matcher cart = Pattern.compile("name=\"cart_id\" value=\"([^\"]+)\"").matcher(review);
		assertThat(cart.find()).as(review).isTrue();
		String form = "cart_id=" + cart.group(1);
		String session = cookies;
		var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> post("/checkout/place", form, session));
		var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> post("/checkout/place", form, session));
		String a = first.get().headers().firstValue("Location").orElse("");
		String b = second.get().headers().firstValue("Location").orElse("");
		assertThat(a).contains("/order/confirmed/order_");
		assertThat(b).as("the second, concurrent click gets the same order").isEqualTo(a);
		assertThat(post("/checkout/place", form, session).headers().firstValue("Location").orElse("")).isEqualTo(a);
		String path = a.replaceFirst("^https?://[^/]+", "");
		assertThat(get(path, cookie(first.get(), "loupe_order")).body()).contains("Thank you for your order!");
		assertThat(get(path, "").status()).as("another browser").isEqualTo(404);
	}

	@Test
	void theRegionSelectorSwitchesCurrencyAndTaxDisplayAndMovesTheCart() {
		HttpResponse<String> added = post("/cart/add", "variant_id=" + variantOf("loupe-presence-one") + "&quantity=1", "");
		String cart = cookie(added, "loupe_cart");
		Matcher europe = Pattern.compile("<option value=\"(reg_[0-9A-Za-z]+)\"[^>]*>Europe").matcher(get("/").body());
		assertThat(europe.find()).isTrue();
		HttpResponse<String> chosen = post("/region", "region_id=" + europe.group(1) + "&return=/products/loupe-presence-one",
				cart);
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(chosen.headers().firstValue("Location").orElse("")).endsWith("/products/loupe-presence-one");
		String cookies = cart + "; " + cookie(chosen, "loupe_region");
		String page = get("/products/loupe-presence-one", cookies).body();
		assertThat(page).contains("data-price>€").contains("VAT included").contains("\"priceCurrency\":\"EUR\"");
		assertThat(get("/cart", cookies).body()).contains("id=\"cart-total\">€");
		for (String back : new String[] { "//evil.example", "https://evil.example/", "/%0d%0aSet-Cookie:x" }) {
			String location = post("/region", "region_id=reg_nope&return=" + back, cookies).headers()
				.firstValue("Location").orElse("");
			assertThat(location).as(back).isIn("/", "http://localhost:" + port + "/");
		}
	}

	private String variantOf(String handle) {
		Matcher m = Pattern.compile("name=\"variant_id\" value=\"([^\"]+)\"").matcher(get("/products/" + handle).body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private static String cookie(HttpResponse<String> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
	}

	HttpResponse<String> post(String path, String form, String cookies) {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", "http://localhost:" + port)
				.POST(HttpRequest.BodyPublishers.ofString(form));
			if (!cookies.isEmpty()) {
				b.header("Cookie", cookies);
			}
			return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	Answer get(String path, String cookies) {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			if (!cookies.isEmpty()) {
				b.header("Cookie", cookies);
			}
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body(), r);
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	record Answer(int status, String body, HttpResponse<String> response) {

		String contentType() {
			return header("Content-Type");
		}

		String header(String name) {
			return response.headers().firstValue(name).orElse("");
		}
	}

	String raw(String request) {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	Answer get(String path) {
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body(), r);
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
