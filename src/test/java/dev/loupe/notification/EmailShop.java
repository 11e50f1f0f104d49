package dev.loupe.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buys through the Store API as a shopper would (the demo store's US region, Standard shipping at 5.00 and 7.25 %
 * tax, the manual payment provider): a lamp at 19.99 USD makes an order of 26.80.
 */
record EmailShop(int port, String key, String lampHandle, String lamp, String us) {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	static EmailShop create(int port, Markets markets, MarketSetup marketSetup, CatalogImport catalog, PriceSetup prices,
			StockSetup stock) {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Email channel " + run, null);
		String key = marketSetup.createPublishableKey("Email key " + run, List.of(channel)).token();
		String handle = "mail-lamp-" + run;
		var product = new ProductDraft(handle, "Mail Lamp " + run, "A lamp", "A lamp to buy.", ProductKind.STANDARD, true,
				null, List.of(), "Ceramic", "AU", BigDecimal.ONE, null, "Lamp", List.of("mail"), null, List.of(),
				List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle, null, Map.of("Colour", "Red"), true, false, null)),
				Map.of());
		String lamp = catalog.importProducts(List.of(product), List.of(channel)).getFirst().variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(lamp, Money.of("19.99", "USD"))));
		String location = stock.createLocation("Email warehouse " + run, null);
		stock.setStock(List.of(new StockSetup.Stock(lamp, location, 50)));
		String us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
		return new EmailShop(port, key, handle, lamp, us);
	}

	/** Places an order for one lamp as a guest with this email; returns the order JSON. */
	JsonNode buyLamp(String email) {
		String cart = call("POST", "/store/carts", "{\"region_id\": \"" + us + "\", \"items\": [{\"variant_id\": \"" + lamp
				+ "\", \"quantity\": 1}]}").path("cart").path("id").asString();
		call("POST", "/store/carts/" + cart, """
				{"email": "%s", "shipping_address": {"first_name": "Sam", "last_name": "Shopper",
				 "address_1": "1 Main St", "city": "Springfield", "country_code": "us", "postal_code": "62701"}}"""
			.formatted(email));
		String option = null;
		for (JsonNode o : call("GET", "/store/shipping-options?cart_id=" + cart, null).path("shipping_options")) {
			if (o.path("name").asString().equals("Standard")) {
				option = o.path("id").asString();
			}
		}
		call("POST", "/store/carts/" + cart + "/shipping-methods", "{\"option_id\": \"" + option + "\"}");
		String collection = call("POST", "/store/payment-collections", "{\"cart_id\": \"" + cart + "\"}")
			.path("payment_collection").path("id").asString();
		call("POST", "/store/payment-collections/" + collection + "/payment-sessions",
				"{\"provider_id\": \"pp_system_default\"}");
		JsonNode completed = call("POST", "/store/carts/" + cart + "/complete", null);
		assertThat(completed.path("type").asString()).as(completed.toString()).isEqualTo("order");
		return completed.path("order");
	}

	private JsonNode call(String method, String path, String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("x-publishable-api-key", key)
				.header("Content-Type", "application/json")
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
