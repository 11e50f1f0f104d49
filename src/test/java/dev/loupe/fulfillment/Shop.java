package dev.loupe.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small shop for fulfilment tests, bought from over real HTTP: a sales channel and key, two products of known
 * weight (a lamp of 900 g, 20 in stock; a shade of 300 g, 20 in stock) priced in USD at one new stock location, and
 * a secret API key for the Admin API. Orders are placed through the Store API's checkout in the demo's US region.
 */
final class Shop {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Answer(int status, JsonNode body, String raw) {
	}

	final int port;
	final String key;
	final String adminKey;
	final String us;
	final String lamp;
	final String shade;
	final String location;

	Shop(int port, Markets markets, MarketSetup marketSetup, CatalogImport catalog, PriceSetup prices,
			StockSetup stock, SecretApiKeys keys) {
		this.port = port;
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Fulfilment channel " + run, null);
		key = marketSetup.createPublishableKey("Fulfilment key " + run, List.of(channel)).token();
		var imported = catalog.importProducts(List.of(product("ff-lamp-" + run, 900), product("ff-shade-" + run, 300)),
				List.of(channel));
		lamp = imported.get(0).variantIds().getFirst();
		shade = imported.get(1).variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(lamp, Money.of("40.00", "USD")), PriceDraft.of(shade, Money.of("12.00", "USD"))));
		location = stock.createLocation("Fulfilment warehouse " + run, null);
		stock.setStock(List.of(new StockSetup.Stock(lamp, location, 20), new StockSetup.Stock(shade, location, 20)));
		us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
		adminKey = keys.create("Fulfilment tests " + run, "test").token();
	}

	/** A cart of these variants and quantities with an email and a US address (Springfield, 62701). */
	String cart(Map<String, Integer> items) {
		return cart(items, "62701");
	}

	/** A cart of these variants and quantities with an email and a US address at this postal code. */
	String cart(Map<String, Integer> items, String postalCode) {
		StringBuilder lines = new StringBuilder();
		items.forEach((v, q) -> lines.append(lines.isEmpty() ? "" : ",").append("{\"variant_id\": \"").append(v)
			.append("\", \"quantity\": ").append(q).append('}'));
		String cart = ok(store("POST", "/store/carts", "{\"region_id\": \"" + us + "\", \"items\": [" + lines + "]}"))
			.path("cart").path("id").asString();
		ok(store("POST", "/store/carts/" + cart, """
				{"email": "shopper@example.com", "shipping_address": {"first_name": "Sam", "last_name": "Shopper",
				 "address_1": "1 Main St", "city": "Springfield", "province": "IL", "country_code": "us",
				 "postal_code": "%s"}}""".formatted(postalCode)));
		return cart;
	}

	JsonNode shippingOptions(String cart) {
		return ok(store("GET", "/store/shipping-options?cart_id=" + cart, null)).path("shipping_options");
	}

	/** Chooses the option of this name, pays with the manual provider and completes: the order. */
	JsonNode checkout(String cart, String optionName) {
		String option = null;
		for (JsonNode o : shippingOptions(cart)) {
			if (o.path("name").asString().equals(optionName)) {
				option = o.path("id").asString();
			}
		}
		assertThat(option).as("option " + optionName).isNotNull();
		ok(store("POST", "/store/carts/" + cart + "/shipping-methods", "{\"option_id\": \"" + option + "\"}"));
		String collection = ok(store("POST", "/store/payment-collections", "{\"cart_id\": \"" + cart + "\"}"))
			.path("payment_collection").path("id").asString();
		ok(store("POST", "/store/payment-collections/" + collection + "/payment-sessions",
				"{\"provider_id\": \"pp_system_default\"}"));
		JsonNode done = ok(store("POST", "/store/carts/" + cart + "/complete", null));
		assertThat(done.path("type").asString()).isEqualTo("order");
		return done.path("order");
	}

	/** An order of these variants and quantities, shipped by the demo's flat US Standard option. */
	JsonNode order(Map<String, Integer> items) {
		return checkout(cart(items), "Standard");
	}

	Answer store(String method, String path, String json) {
		return send(method, path, json, Map.of("x-publishable-api-key", key));
	}

	Answer admin(String method, String path, String json) {
		return send(method, path, json, Map.of("Authorization", "Bearer " + adminKey));
	}

	Answer admin(String method, String path, String json, Map<String, String> headers) {
		Map<String, String> all = new java.util.HashMap<>(headers);
		all.put("Authorization", "Bearer " + adminKey);
		return send(method, path, json, all);
	}

	Answer send(String method, String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = null;
			try {
				body = JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				// left null
			}
			return new Answer(response.statusCode(), body, response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		return answer.body();
	}

	private static ProductDraft product(String handle, int grams) {
		return new ProductDraft(handle, "Fulfilment " + handle, null, "A thing to ship.", ProductKind.STANDARD, true,
				null, List.of(), null, null, BigDecimal.valueOf(grams), null, "Lamp", List.of(), null, List.of(),
				List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle, null, Map.of("Colour", "Red"), true, false, null)),
				Map.of());
	}
}
