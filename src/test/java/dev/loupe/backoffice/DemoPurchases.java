package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buys in the demo store through the Store API, as a shopper's browser would: a cart in the US region with one demo
 * product (a standard one with stock, priced in USD), an address, the cheapest shipping option, the manual payment
 * provider, and completion. The order is authorised and not fulfilled.
 */
final class DemoPurchases {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A placed order. */
	record Placed(String id, long displayId, String email) {
	}

	private final int port;
	private final JdbcClient jdbc;
	private final String key;

	DemoPurchases(int port, JdbcClient jdbc, String publishableKey) {
		this.port = port;
		this.jdbc = jdbc;
		this.key = publishableKey;
	}

	Placed buy(String email, String firstName, int quantity) {
		String region = jdbc.sql("select id from market.region where name = 'United States'").query(String.class).single();
		String variant = jdbc.sql("""
				select v.id from catalog.product_variant v
				join catalog.product p on p.id = v.product_id and p.status = 'published' and p.deleted_at is null
				  and p.kind = 'standard'
				join pricing.price pr on pr.variant_id = v.id and pr.currency_code = 'usd' and pr.price_list_id is null
				  and pr.deleted_at is null
				join inventory.inventory_level l on l.variant_id = v.id
				where v.deleted_at is null and v.manage_inventory
				group by v.id having sum(l.stocked_quantity - l.reserved_quantity) > 20
				order by v.id limit 1""").query(String.class).single();
		JsonNode cart = ok(call("POST", "/store/carts", key, """
				{"region_id": "%s", "items": [{"variant_id": "%s", "quantity": %d}]}""".formatted(region, variant, quantity)))
			.path("cart");
		String cartId = cart.path("id").asString();
		ok(call("POST", "/store/carts/" + cartId, key, """
				{"email": "%s", "shipping_address": {"first_name": "%s", "last_name": "Shopper", "address_1": "1 Main St",
				 "city": "Springfield", "country_code": "us", "postal_code": "62701", "province": "IL"}}"""
			.formatted(email, firstName)));
		JsonNode options = ok(call("GET", "/store/shipping-options?cart_id=" + cartId, key, null)).path("shipping_options");
		ok(call("POST", "/store/carts/" + cartId + "/shipping-methods", key,
				"{\"option_id\": \"" + options.get(0).path("id").asString() + "\"}"));
		String collection = ok(call("POST", "/store/payment-collections", key, "{\"cart_id\": \"" + cartId + "\"}"))
			.path("payment_collection").path("id").asString();
		ok(call("POST", "/store/payment-collections/" + collection + "/payment-sessions", key,
				"{\"provider_id\": \"pp_system_default\"}"));
		JsonNode order = ok(call("POST", "/store/carts/" + cartId + "/complete", key, null)).path("order");
		assertThat(order.path("payment_status").asString()).isEqualTo("authorized");
		return new Placed(order.path("id").asString(), order.path("display_id").asLong(), email);
	}

	private JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> call(String method, String path, String key, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.header("x-publishable-api-key", key);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
