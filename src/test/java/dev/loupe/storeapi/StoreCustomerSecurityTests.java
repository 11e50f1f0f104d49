package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.customer.Customers;
import dev.loupe.identity.Principal;
import dev.loupe.identity.StaffLogins;
import dev.loupe.identity.Tokens;
import dev.loupe.market.Markets;
import dev.loupe.platform.Ids;
import dev.loupe.platform.KeyMaterial;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import dev.loupe.storeapi.StoreCustomers.Shopper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Who may call the customer routes: only a registration token registers, only a logged-in customer reaches
 * {@code /me}, forged, expired and unsigned tokens are nobody, and one customer's addresses do not exist for another.
 * Bad bodies are refused with {@code invalid_data} naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreCustomerSecurityTests {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
	private static final String UNAUTHORIZED = "{\"type\":\"unauthorized\",\"message\":\"Unauthorized\"}";

	@LocalServerPort
	int port;

	@Autowired
	Markets markets;

	@Autowired
	Tokens tokens;

	@Autowired
	KeyMaterial keys;

	@Autowired
	StaffLogins staffLogins;

	@Autowired
	JdbcClient jdbc;

	StoreCustomers store;

	@BeforeEach
	void setUp() {
		store = new StoreCustomers(port, markets.firstPublishableKeyToken().orElseThrow(), tokens, jdbc);
	}

	/** Every {@code /me} route, with a valid body where it takes one. */
	private static List<String[]> meRoutes(String addressId) {
		return List.of(new String[] { "GET", "/store/customers/me", null },
				new String[] { "POST", "/store/customers/me", "{\"first_name\": \"Eve\"}" },
				new String[] { "GET", "/store/customers/me/addresses", null },
				new String[] { "POST", "/store/customers/me/addresses", "{\"city\": \"Oslo\"}" },
				new String[] { "GET", "/store/customers/me/addresses/" + addressId, null },
				new String[] { "POST", "/store/customers/me/addresses/" + addressId, "{\"city\": \"Oslo\"}" },
				new String[] { "DELETE", "/store/customers/me/addresses/" + addressId, null });
	}

	@Test
	void meRoutesRefuseAnonymousCallersRegistrationTokensAndStaffTokens() {
		Shopper ada = store.register("ada");
		String address = store.addAddress(ada, "{\"address_1\": \"1 Main Street\"}");
		String registration = store.registrationToken(Ids.next("authid"), StoreCustomers.uniqueEmail("eve"));
		// A live staff token (the demo admin's): a caller, but not a customer.
		String staff = tokens.issue(staffLogins.login("admin@loupe.test", "loupe-admin", "127.0.0.1"));
		assertThat(StoreApiTestSupport.send(port, "GET", "/admin/products?limit=1", null, staff, null).status())
			.isEqualTo(200);
		for (String token : new String[] { null, registration, staff }) {
			for (String[] route : meRoutes(address)) {
				Answer answer = store.call(route[0], route[1], token, route[2]);
				assertThat(answer.status()).as(route[0] + " " + route[1]).isEqualTo(401);
				assertThat(answer.raw()).isEqualTo(UNAUTHORIZED);
			}
		}
		assertThat(store.call("GET", "/store/customers/me/addresses/" + address, ada.token(), null).body()
			.path("address").path("address_1").asString()).isEqualTo("1 Main Street");
	}

	@Test
	void onlyARegistrationTokenRegisters() {
		Shopper ada = store.register("ada");
		String body = "{\"email\": \"" + ada.email() + "\"}";
		// A logged-in customer's token is no authority to register (Medusa: 400 "already authenticated"; Loupe: 401).
		assertThat(store.call("POST", "/store/customers", ada.token(), body).raw()).isEqualTo(UNAUTHORIZED);
		assertThat(store.call("POST", "/store/customers", null, body).raw()).isEqualTo(UNAUTHORIZED);
		String email = StoreCustomers.uniqueEmail("staff");
		String staffRegistration = tokens.issue(new Principal(Principal.ActorType.USER, "", Ids.next("authid"), email));
		assertThat(store.call("POST", "/store/customers", staffRegistration, "{\"email\": \"" + email + "\"}").status())
			.isEqualTo(401);
		// The publishable key is checked first, as on every /store route.
		Answer keyless = StoreApiTestSupport.send(port, "POST", "/store/customers", null,
				store.registrationToken(Ids.next("authid"), email), "{\"email\": \"" + email + "\"}");
		assertThat(keyless.status()).isEqualTo(400);
		assertThat(keyless.type()).isEqualTo("not_allowed");
	}

	@Test
	void forgedExpiredAndUnsignedTokensAreNobody() {
		Shopper ada = store.register("ada");
		Shopper eve = store.register("eve");
		byte[] key = keys.secret("LOUPE_JWT_SECRET", "jwt-secret", 32);
		long now = Instant.now().getEpochSecond();
		String adaClaims = claims(ada, now - 10, now + 3600);
		String hs256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
		assertThat(store.call("GET", "/store/customers/me", jwt(hs256, adaClaims, key), null).status())
			.as("the hand-made token is right").isEqualTo(200);

		String[] eveParts = eve.token().split("\\.");
		List<String> nobody = List.of(
				jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}", adaClaims, null),
				B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
						+ B64.encodeToString(adaClaims.getBytes(StandardCharsets.UTF_8)) + ".",
				eveParts[0] + "." + B64.encodeToString(adaClaims.getBytes(StandardCharsets.UTF_8)) + "." + eveParts[2],
				jwt(hs256, adaClaims, "another key, same length as any other key".getBytes(StandardCharsets.UTF_8)),
				jwt(hs256, claims(ada, now - 7200, now - 3600), key),
				jwt("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", adaClaims, key),
				jwt("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", adaClaims, key),
				eve.token().substring(0, eve.token().length() - 2),
				"not.a.token",
				"x".repeat(5000));
		for (String token : nobody) {
			Answer answer = store.call("GET", "/store/customers/me", token, null);
			assertThat(answer.status()).as(token.length() > 60 ? token.substring(0, 60) : token).isEqualTo(401);
			assertThat(answer.raw()).isEqualTo(UNAUTHORIZED);
		}
	}

	@Test
	void anotherCustomersAddressDoesNotExist() {
		Shopper ada = store.register("ada");
		Shopper eve = store.register("eve");
		String adas = store.addAddress(ada, "{\"address_1\": \"10 Downing Street\", \"city\": \"London\"}");
		String unknown = Ids.next("cuaddr");

		for (String id : List.of(adas, unknown)) {
			Answer read = store.call("GET", "/store/customers/me/addresses/" + id, eve.token(), null);
			Answer update = store.call("POST", "/store/customers/me/addresses/" + id, eve.token(), "{\"city\": \"Paris\"}");
			Answer delete = store.call("DELETE", "/store/customers/me/addresses/" + id, eve.token(), null);
			for (Answer answer : List.of(read, update, delete)) {
				assertThat(answer.status()).isEqualTo(404);
				assertThat(answer.type()).isEqualTo("not_found");
				assertThat(answer.message()).isEqualTo("Address with id: " + id + " was not found");
			}
		}
		assertThat(store.call("GET", "/store/customers/me/addresses", eve.token(), null).body().path("count").asInt()).isZero();
		JsonNode still = store.call("GET", "/store/customers/me/addresses/" + adas, ada.token(), null).body().path("address");
		assertThat(still.path("city").asString()).isEqualTo("London");
		assertThat(still.path("customer_id").asString()).isEqualTo(ada.id());
		for (String odd : List.of("cuaddr_%00", "..%2F..%2Fetc", "cus_" + ada.id().substring(4), "%27%20or%201%3D1--")) {
			assertThat(store.call("GET", "/store/customers/me/addresses/" + odd, eve.token(), null).status()).as(odd)
				.isIn(400, 404);
		}
	}

	@Test
	void badBodiesAreInvalidDataNamingTheField() {
		Shopper ada = store.register("ada");
		String address = store.addAddress(ada, "{\"city\": \"Oslo\"}");
		String me = "/store/customers/me";
		String addresses = "/store/customers/me/addresses";
		String[][] cases = {
				{ me, "{\"nickname\": \"Ada\"}", "'nickname'" },
				{ me, "{\"first_name\": \"A\\u0000da\"}", "first_name must not contain NUL characters" },
				{ me, "{\"last_name\": \"" + "L".repeat(201) + "\"}", "last_name must be at most 200 characters" },
				{ me, "{\"phone\": 5551234}", "phone must be a string" },
				{ me, "{\"metadata\": \"vip\"}", "metadata must be an object" },
				{ me, "{\"metadata\": {\"a\": {\"b\": [\"\\u0000\"]}}}", "metadata must not contain NUL characters" },
				{ me, "{\"metadata\": {\"notes\": \"" + "n".repeat(10_001) + "\"}}", "metadata must be at most" },
				{ me, "{\"has_account\": false}", "'has_account'" },
				{ addresses, "{\"country_code\": \"usa\"}", "country_code must be a two-letter" },
				{ addresses, "{\"country_code\": \"u1\"}", "country_code must be a two-letter" },
				{ addresses, "{\"address_1\": \"" + "A".repeat(201) + "\"}", "address_1 must be at most 200 characters" },
				{ addresses, "{\"city\": \"Os\\u0000lo\"}", "city must not contain NUL characters" },
				{ addresses, "{\"is_default_shipping\": \"yes\"}", "is_default_shipping must be true or false" },
				{ addresses, "{\"is_default_billing\": null}", "is_default_billing must be true or false" },
				{ addresses, "{\"customer_id\": \"" + ada.id() + "\"}", "'customer_id'" },
				{ addresses + "/" + address, "{\"postal_code\": [\"0150\"]}", "postal_code must be a string" },
				{ addresses + "/" + address, "{\"id\": \"cuaddr_x\"}", "'id'" },
				{ me, "[]", "The request body must be a JSON object" },
				{ me, "\"Ada\"", "The request body must be a JSON object" },
				{ addresses, "42", "The request body must be a JSON object" },
				{ addresses, "{\"city\": ", "The request body must be a JSON object" } };
		for (String[] c : cases) {
			Answer answer = store.call("POST", c[0], ada.token(), c[1]);
			String what = c[0] + " " + (c[1].length() > 60 ? c[1].substring(0, 60) : c[1]);
			assertThat(answer.status()).as(what).isEqualTo(400);
			assertThat(answer.type()).as(what).isEqualTo("invalid_data");
			assertThat(answer.message()).as(what).contains(c[2]);
		}
		String registration = store.registrationToken(Ids.next("authid"), StoreCustomers.uniqueEmail("ada"));
		Answer unknownField = store.call("POST", "/store/customers", registration, "{\"password\": \"secret\"}");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.message()).contains("'password'");
		// Nothing of the refused writes was kept.
		JsonNode customer = store.call("GET", me, ada.token(), null).body().path("customer");
		assertThat(customer.path("first_name").asString()).isEqualTo("ada");
		assertThat(customer.path("addresses")).hasSize(1);
	}

	@Test
	void aCustomerKeepsABoundedNumberOfAddresses() {
		Shopper ada = store.register("ada");
		for (int i = 0; i < Customers.MAX_ADDRESSES; i++) {
			// Rows straight into the table: only their number matters here.
			String id = Ids.next("cuaddr");
			jdbc.sql("insert into customer.address (id, customer_id, sealed) values (?, ?, 'v1:unused')")
				.params(id, ada.id())
				.update();
		}
		Answer refused = store.call("POST", "/store/customers/me/addresses", ada.token(), "{\"city\": \"Oslo\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.type()).isEqualTo("not_allowed");
		jdbc.sql("update customer.address set deleted_at = now() where customer_id = ?").param(ada.id()).update();
	}

	private static String claims(Shopper shopper, long issuedAt, long expires) {
		return "{\"actor_id\":\"" + shopper.id() + "\",\"actor_type\":\"customer\",\"auth_identity_id\":\""
				+ shopper.authIdentityId() + "\",\"email\":\"" + shopper.email() + "\",\"app_metadata\":{\"customer_id\":\""
				+ shopper.id() + "\"},\"iat\":" + issuedAt + ",\"exp\":" + expires + "}";
	}

	/** A JWT made by hand: signed with HMAC-SHA256 under {@code key}, or unsigned when the key is null. */
	private static String jwt(String header, String claims, byte[] key) {
		String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		if (key == null) {
			return input + ".";
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
