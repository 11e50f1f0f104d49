package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.customer.CustomerRegistered;
import dev.loupe.identity.Tokens;
import dev.loupe.market.Markets;
import dev.loupe.platform.FieldCipher;
import dev.loupe.platform.Ids;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import dev.loupe.storeapi.StoreCustomers.Shopper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * A shopper's account over real HTTP: registration with a registration token (a new customer, or the guest of
 * earlier checkouts), the profile, and the address book with its default addresses, encrypted at rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreCustomerApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Markets markets;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	ConfigurableApplicationContext context;

	StoreCustomers store;
	Registrations registrations = new Registrations();

	/** Records CustomerRegistered as it is published, and whether a transaction was open then. */
	static final class Registrations implements ApplicationListener<ApplicationEvent> {

		record Seen(CustomerRegistered event, boolean inTransaction) {
		}

		final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof CustomerRegistered r) {
				seen.add(new Seen(r, TransactionSynchronizationManager.isActualTransactionActive()));
			}
		}

		List<Seen> of(String authIdentityId) {
			return seen.stream().filter(s -> s.event().authIdentityId().equals(authIdentityId)).toList();
		}
	}

	@BeforeEach
	void setUp() {
		store = new StoreCustomers(port, markets.firstPublishableKeyToken().orElseThrow(), tokens, jdbc);
		multicaster().addApplicationListener(registrations);
	}

	@AfterEach
	void tearDown() {
		multicaster().removeApplicationListener(registrations);
	}

	private ApplicationEventMulticaster multicaster() {
		return context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
				ApplicationEventMulticaster.class);
	}

	// ---------------------------------------------------------------- registration

	@Test
	void aRegistrationTokenCreatesTheCustomerAndPublishesCustomerRegistered() {
		String email = StoreCustomers.uniqueEmail("Ada.Lovelace");
		String authIdentityId = Ids.next("authid");
		Answer created = store.call("POST", "/store/customers", store.registrationToken(authIdentityId, email), """
				{"email": "%s", "first_name": "Ada", "last_name": "Lovelace", "phone": "+44 20 7946 0000",
				 "company_name": "Analytical Engines", "metadata": {"newsletter": true, "source": {"campaign": "launch"}}}"""
			.formatted(email.toUpperCase(Locale.ROOT)));

		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		JsonNode customer = created.body().path("customer");
		String id = customer.path("id").asString();
		assertThat(Ids.hasPrefix(id, "cus")).isTrue();
		assertThat(customer.path("email").asString()).isEqualTo(email.toLowerCase(Locale.ROOT));
		assertThat(customer.path("first_name").asString()).isEqualTo("Ada");
		assertThat(customer.path("last_name").asString()).isEqualTo("Lovelace");
		assertThat(customer.path("phone").asString()).isEqualTo("+44 20 7946 0000");
		assertThat(customer.path("company_name").asString()).isEqualTo("Analytical Engines");
		assertThat(customer.path("has_account").asBoolean()).isTrue();
		assertThat(customer.path("metadata").path("source").path("campaign").asString()).isEqualTo("launch");
		assertThat(customer.path("addresses").isArray()).isTrue();
		assertThat(customer.path("addresses")).isEmpty();
		assertThat(customer.path("default_shipping_address_id").isNull()).isTrue();
		assertThat(customer.path("default_billing_address_id").isNull()).isTrue();
		assertThat(customer.path("created_at").asString()).isNotEmpty();
		assertThat(customer.has("deleted_at")).isTrue();

		assertThat(registrations.of(authIdentityId)).singleElement().satisfies(seen -> {
			assertThat(seen.event()).isEqualTo(new CustomerRegistered(id, authIdentityId, email.toLowerCase(Locale.ROOT)));
			assertThat(seen.inTransaction()).as("published with the transaction").isTrue();
		});

		Answer me = store.call("GET", "/store/customers/me", store.loginToken(id, authIdentityId, email), null);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().path("customer").path("email").asString()).isEqualTo(email.toLowerCase(Locale.ROOT));
	}

	@Test
	void registeringWithTheEmailOfAGuestTurnsTheGuestIntoTheAccount() {
		String email = StoreCustomers.uniqueEmail("grace.hopper");
		String guestId = Ids.next("cus");
		jdbc.sql("insert into customer.customer (id, email, first_name, phone) values (?, ?, 'Grace', '+1 555 0100')")
			.params(guestId, email.toUpperCase(Locale.ROOT))
			.update();
		String authIdentityId = Ids.next("authid");

		Answer created = store.call("POST", "/store/customers", store.registrationToken(authIdentityId, email),
				"{\"email\": \"" + email + "\", \"last_name\": \"Hopper\"}");

		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		JsonNode customer = created.body().path("customer");
		assertThat(customer.path("id").asString()).isEqualTo(guestId);
		assertThat(customer.path("has_account").asBoolean()).isTrue();
		assertThat(customer.path("email").asString()).isEqualTo(email);
		assertThat(customer.path("first_name").asString()).as("kept from the guest").isEqualTo("Grace");
		assertThat(customer.path("last_name").asString()).isEqualTo("Hopper");
		assertThat(jdbc.sql("select count(*) from customer.customer where lower(email) = ?").param(email)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(registrations.of(authIdentityId)).singleElement()
			.satisfies(seen -> assertThat(seen.event().customerId()).isEqualTo(guestId));
	}

	@Test
	void anEmailWithAnAccountCannotRegisterAgainAndAMismatchedEmailIsRefused() {
		Shopper ada = store.register("ada");
		String secondIdentity = Ids.next("authid");
		Answer again = store.call("POST", "/store/customers", store.registrationToken(secondIdentity, ada.email()),
				"{\"email\": \"" + ada.email().toUpperCase(Locale.ROOT) + "\"}");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.type()).isEqualTo("duplicate_error");
		assertThat(again.message()).isEqualTo("Customer with email: " + ada.email() + ", already exists.");
		assertThat(registrations.of(secondIdentity)).isEmpty();

		String email = StoreCustomers.uniqueEmail("mallory");
		Answer mismatch = store.call("POST", "/store/customers", store.registrationToken(Ids.next("authid"), email),
				"{\"email\": \"someone." + email + "\"}");
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.type()).isEqualTo("invalid_data");
		assertThat(mismatch.message()).startsWith("email ");

		Answer missing = store.call("POST", "/store/customers", store.registrationToken(Ids.next("authid"), email),
				"{\"first_name\": \"Mallory\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.message()).isEqualTo("email is required");

		for (String bad : List.of("plainaddress", "two@@example.com", "dot.@example.com", "name@localhost",
				"name@example..com", "name@-example.com", "name@10.0.0.1", "a b@example.com", "x".repeat(65) + "@example.com",
				"name@" + "d".repeat(250) + ".com")) {
			Answer refused = store.call("POST", "/store/customers", store.registrationToken(Ids.next("authid"), bad),
					"{\"email\": \"" + bad + "\"}");
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.message()).as(bad).startsWith("email ");
		}
		Answer apostrophe = store.call("POST", "/store/customers",
				store.registrationToken(Ids.next("authid"), "o'brien." + email), "{\"email\": \"o'brien." + email + "\"}");
		assertThat(apostrophe.status()).as(apostrophe.raw()).isEqualTo(200);
	}

	@Test
	void concurrentRegistrationsOfOneEmailMakeOneAccount() throws Exception {
		// A storefront submitting the sign-up form five times at once: one login (an email has one), five requests.
		String email = StoreCustomers.uniqueEmail("twin");
		String token = store.registrationToken(Ids.next("authid"), email);
		List<Future<Answer>> answers = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(5)) {
			for (int i = 0; i < 5; i++) {
				answers.add(pool.submit(() -> store.call("POST", "/store/customers", token, "{\"email\": \"" + email + "\"}")));
			}
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Answer> answer : answers) {
			statuses.add(answer.get().status());
		}
		assertThat(statuses).containsOnly(200, 422).containsOnlyOnce(200);
		assertThat(jdbc.sql("select count(*) from customer.customer where email = ?").param(email).query(Integer.class)
			.single()).isEqualTo(1);
	}

	// ---------------------------------------------------------------- profile

	@Test
	void theProfileIsReadAndUpdatedAndNullClearsAField() {
		Shopper ada = store.register("ada");
		Answer updated = store.call("POST", "/store/customers/me", ada.token(), """
				{"first_name": "Augusta Ada", "company_name": "Engines Ltd", "metadata": {"size": 38.5}}""");
		assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
		assertThat(updated.body().path("customer").path("first_name").asString()).isEqualTo("Augusta Ada");
		assertThat(updated.body().path("customer").path("metadata").path("size").decimalValue()).isEqualByComparingTo("38.5");

		Answer cleared = store.call("POST", "/store/customers/me", ada.token(), "{\"company_name\": null}");
		assertThat(cleared.body().path("customer").path("company_name").isNull()).isTrue();
		assertThat(cleared.body().path("customer").path("first_name").asString()).isEqualTo("Augusta Ada");

		Answer emailChange = store.call("POST", "/store/customers/me", ada.token(), "{\"email\": \"new@example.com\"}");
		assertThat(emailChange.status()).isEqualTo(400);
		assertThat(emailChange.type()).isEqualTo("invalid_data");
		assertThat(emailChange.message()).startsWith("email ");
		assertThat(store.call("GET", "/store/customers/me", ada.token(), null).body().path("customer").path("email")
			.asString()).isEqualTo(ada.email());
	}

	@Test
	void injectionAndMarkupInNamesAreStoredAndEchoedVerbatim() {
		Shopper bobby = store.register("bobby");
		String sql = "Robert'); DROP TABLE customer.customer;--";
		String html = "<script>alert(\"x\")</script>";
		String quote = "\" OR 1=1 -- \\";
		String street = "<img src=x onerror=alert(1)> 1 Rue de l'Église";
		Answer updated = store.call("POST", "/store/customers/me", bobby.token(), """
				{"first_name": %s, "last_name": %s, "company_name": %s}""".formatted(json(sql), json(html), json(quote)));
		assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
		store.addAddress(bobby, "{\"address_1\": %s, \"city\": \"Zürich 🏔\", \"country_code\": \"CH\"}".formatted(json(street)));

		Answer me = store.call("GET", "/store/customers/me", bobby.token(), null);
		assertThat(me.contentType()).startsWith("application/json");
		JsonNode customer = me.body().path("customer");
		assertThat(customer.path("first_name").asString()).isEqualTo(sql);
		assertThat(customer.path("last_name").asString()).isEqualTo(html);
		assertThat(customer.path("company_name").asString()).isEqualTo(quote);
		assertThat(customer.path("addresses").get(0).path("address_1").asString()).isEqualTo(street);
		assertThat(customer.path("addresses").get(0).path("city").asString()).isEqualTo("Zürich 🏔");
		assertThat(customer.path("addresses").get(0).path("country_code").asString()).isEqualTo("ch");
		assertThat(me.raw()).contains("\\\" OR 1=1 -- \\\\");
		assertThat(jdbc.sql("select count(*) from customer.customer").query(Integer.class).single()).isPositive();
	}

	// ---------------------------------------------------------------- addresses

	@Test
	void addressesAreAddedListedReadUpdatedAndDeletedWithOneDefaultOfEachKind() {
		Shopper ada = store.register("ada");
		String home = store.addAddress(ada, """
				{"address_name": "Home", "first_name": "Ada", "last_name": "Lovelace", "address_1": "12 St James's Square",
				 "city": "London", "country_code": "GB", "postal_code": "SW1Y 4JH", "is_default_shipping": true,
				 "metadata": {"door": "blue"}}""");
		Answer second = store.call("POST", "/store/customers/me/addresses", ada.token(), """
				{"address_name": "Office", "company": "Engines Ltd", "address_1": "1 Rue de Rivoli", "city": "Paris",
				 "country_code": "fr", "province": "fr-75", "phone": "+33 1 00 00 00 00", "is_default_shipping": true,
				 "is_default_billing": true}""");
		assertThat(second.status()).as(second.raw()).isEqualTo(200);
		JsonNode customer = second.body().path("customer");
		assertThat(customer.path("addresses")).hasSize(2);
		String office = customer.path("addresses").get(1).path("id").asString();
		assertThat(Ids.hasPrefix(office, "cuaddr")).isTrue();
		assertThat(customer.path("default_shipping_address_id").asString()).isEqualTo(office);
		assertThat(customer.path("default_billing_address_id").asString()).isEqualTo(office);
		assertThat(customer.path("addresses").get(0).path("is_default_shipping").asBoolean()).as("taken from home").isFalse();

		Answer one = store.call("GET", "/store/customers/me/addresses/" + home, ada.token(), null);
		assertThat(one.status()).isEqualTo(200);
		JsonNode address = one.body().path("address");
		assertThat(address.path("id").asString()).isEqualTo(home);
		assertThat(address.path("customer_id").asString()).isEqualTo(ada.id());
		assertThat(address.path("address_name").asString()).isEqualTo("Home");
		assertThat(address.path("address_1").asString()).isEqualTo("12 St James's Square");
		assertThat(address.path("country_code").asString()).isEqualTo("gb");
		assertThat(address.path("postal_code").asString()).isEqualTo("SW1Y 4JH");
		assertThat(address.path("metadata").path("door").asString()).isEqualTo("blue");
		assertThat(address.path("address_2").isNull()).isTrue();
		for (String field : List.of("company", "province", "phone", "is_default_billing", "created_at", "updated_at")) {
			assertThat(address.has(field)).as(field).isTrue();
		}

		Answer moved = store.call("POST", "/store/customers/me/addresses/" + home, ada.token(),
				"{\"address_2\": \"Flat 3\", \"postal_code\": null, \"is_default_billing\": true}");
		assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
		assertThat(moved.body().path("customer").path("default_billing_address_id").asString()).isEqualTo(home);
		assertThat(moved.body().path("customer").path("default_shipping_address_id").asString()).isEqualTo(office);
		JsonNode homeNow = store.call("GET", "/store/customers/me/addresses/" + home, ada.token(), null).body().path("address");
		assertThat(homeNow.path("address_2").asString()).isEqualTo("Flat 3");
		assertThat(homeNow.path("postal_code").isNull()).isTrue();
		assertThat(homeNow.path("address_1").asString()).as("untouched").isEqualTo("12 St James's Square");

		Answer list = store.call("GET", "/store/customers/me/addresses", ada.token(), null);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().path("count").asInt()).isEqualTo(2);
		assertThat(list.body().path("limit").asInt()).isEqualTo(50);
		assertThat(list.body().path("offset").asInt()).isZero();
		assertThat(list.body().path("addresses").findValuesAsString("id")).containsExactly(home, office);
		assertThat(store.call("GET", "/store/customers/me/addresses?limit=1&offset=1", ada.token(), null).body()
			.path("addresses").findValuesAsString("id")).containsExactly(office);
		assertThat(store.call("GET", "/store/customers/me/addresses?order=-created_at", ada.token(), null).body()
			.path("addresses").findValuesAsString("id")).containsExactly(office, home);
		Answer french = store.call("GET", "/store/customers/me/addresses?country_code=FR", ada.token(), null);
		assertThat(french.body().path("count").asInt()).isEqualTo(1);
		assertThat(french.body().path("addresses").findValuesAsString("id")).containsExactly(office);
		assertThat(store.call("GET", "/store/customers/me/addresses?q=james", ada.token(), null).body()
			.path("addresses").findValuesAsString("id")).containsExactly(home);
		assertThat(store.call("GET", "/store/customers/me/addresses?city=Paris&city=Lyon", ada.token(), null).body()
			.path("count").asInt()).isEqualTo(1);
		assertThat(store.call("GET", "/store/customers/me/addresses?order=city", ada.token(), null).status()).isEqualTo(400);

		Answer deleted = store.call("DELETE", "/store/customers/me/addresses/" + office, ada.token(), null);
		assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
		assertThat(deleted.body().path("id").asString()).isEqualTo(office);
		assertThat(deleted.body().path("object").asString()).isEqualTo("address");
		assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
		JsonNode parent = deleted.body().path("parent");
		assertThat(parent.path("id").asString()).isEqualTo(ada.id());
		assertThat(parent.path("addresses").findValuesAsString("id")).containsExactly(home);
		assertThat(parent.path("default_shipping_address_id").isNull()).isTrue();
		assertThat(store.call("GET", "/store/customers/me/addresses/" + office, ada.token(), null).status()).isEqualTo(404);
		assertThat(store.call("DELETE", "/store/customers/me/addresses/" + office, ada.token(), null).status()).isEqualTo(404);
		// The deleted row keeps no personal data.
		String sealed = jdbc.sql("select sealed from customer.address where id = ?").param(office).query(String.class).single();
		assertThat(cipher.decrypt(sealed, office)).isEqualTo("{}");
	}

	@Test
	void addressesAreEncryptedAtRestAndBoundToTheirRow() {
		Shopper ada = store.register("ada");
		String first = store.addAddress(ada, """
				{"first_name": "Ada", "address_1": "221B Quokka Street", "city": "Perth", "postal_code": "WA 6000",
				 "phone": "+61 8 0000 0000", "country_code": "au"}""");
		String second = store.addAddress(ada, "{\"address_1\": \"1 Other Road\", \"country_code\": \"au\"}");
		String sealed = jdbc.sql("select sealed from customer.address where id = ?").param(first).query(String.class).single();
		assertThat(sealed).startsWith("v1:").doesNotContain("Quokka").doesNotContain("Perth").doesNotContain("6000");
		assertThat(cipher.decrypt(sealed, first)).contains("221B Quokka Street");

		// A sealed address copied onto another row does not open there.
		jdbc.sql("update customer.address set sealed = ? where id = ?").params(sealed, second).update();
		assertThat(store.call("GET", "/store/customers/me/addresses/" + second, ada.token(), null).status()).isEqualTo(500);
		jdbc.sql("update customer.address set deleted_at = now() where id = ?").param(second).update();
	}

	@Test
	void concurrentDefaultAddressesLeaveExactlyOneDefault() throws Exception {
		Shopper ada = store.register("ada");
		List<Future<Answer>> answers = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(6)) {
			for (int i = 0; i < 6; i++) {
				String body = "{\"address_1\": \"" + i + " Parallel Street\", \"is_default_shipping\": true}";
				answers.add(pool.submit(() -> store.call("POST", "/store/customers/me/addresses", ada.token(), body)));
			}
		}
		for (Future<Answer> answer : answers) {
			assertThat(answer.get().status()).as(answer.get().raw()).isEqualTo(200);
		}
		JsonNode addresses = store.call("GET", "/store/customers/me", ada.token(), null).body().path("customer")
			.path("addresses");
		assertThat(addresses).hasSize(6);
		assertThat(addresses.findValues("is_default_shipping").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
	}

	@Test
	void fieldsSelectsTopLevelFieldsAndIgnoresRelationsLoupeDoesNotServe() {
		Shopper ada = store.register("ada");
		store.addAddress(ada, "{\"city\": \"London\", \"country_code\": \"gb\"}");
		JsonNode some = store.call("GET", "/store/customers/me?fields=email,first_name", ada.token(), null).body()
			.path("customer");
		assertThat(some.propertyNames()).containsExactlyInAnyOrder("id", "email", "first_name");
		Answer orders = store.call("GET", "/store/customers/me?fields=*orders", ada.token(), null);
		assertThat(orders.status()).isEqualTo(200);
		assertThat(orders.body().path("customer").path("addresses")).hasSize(1);
		JsonNode withoutAddresses = store.call("GET", "/store/customers/me?fields=-addresses,%2Bmetadata", ada.token(), null)
			.body().path("customer");
		assertThat(withoutAddresses.has("addresses")).isFalse();
		assertThat(withoutAddresses.has("metadata")).isTrue();
		JsonNode cities = store.call("GET", "/store/customers/me/addresses?fields=city", ada.token(), null).body()
			.path("addresses").get(0);
		assertThat(cities.propertyNames()).containsExactlyInAnyOrder("id", "city");
		assertThat(store.call("GET", "/store/customers/me?fields=id,*addresses.city", ada.token(), null).body()
			.path("customer").path("addresses")).hasSize(1);
	}

	private static String json(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
	}
}
