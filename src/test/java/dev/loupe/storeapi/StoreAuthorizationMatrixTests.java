package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.Tokens;
import dev.loupe.market.Markets;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which Store API route: every route mapped under {@code /store} is looked up in the table below and
 * called anonymously (with the publishable key), as a registered customer, with a registration token and with a staff
 * token. A route missing from the table fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreAuthorizationMatrixTests {

	enum Caller {
		ANONYMOUS, CUSTOMER, REGISTRATION, STAFF
	}

	/** Which callers a route group answers (anything but 401); the others get 401. */
	private record Row(String methods, String path, List<Caller> allowed) {
	}

	private static final List<Caller> EVERYONE = List.of(Caller.values());

	private static final List<Row> MATRIX = List.of(
			new Row("GET", "/store/(products|regions|collections|product-categories|product-tags|product-types|product-options).*", EVERYONE),
			new Row("POST", "/store/customers", List.of(Caller.REGISTRATION)),
			new Row("GET|POST|DELETE", "/store/customers/me.*", List.of(Caller.CUSTOMER)),
			new Row("POST", "/store/carts/\\{[^}]+}/customer", List.of(Caller.CUSTOMER)),
			new Row("GET|POST|DELETE", "/store/carts(/.*)?", EVERYONE),
			new Row("GET", "/store/orders", List.of(Caller.CUSTOMER)),
			new Row("GET", "/store/orders/\\{[^}]+}", EVERYONE),
			new Row("GET", "/store/payment-providers", EVERYONE),
			new Row("POST", "/store/payment-collections(/\\{[^}]+}/payment-sessions)?", EVERYONE),
			new Row("GET|POST", "/store/shipping-options(/.*)?", EVERYONE));

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Markets markets;

	@Autowired
	Tokens tokens;

	@Autowired
	Sessions sessions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyStoreRouteIsInTheMatrixAndEnforcedForEveryCaller() {
		String key = markets.firstPublishableKeyToken().orElseThrow();
		StoreCustomers store = new StoreCustomers(port, key, tokens, jdbc);
		StoreCustomers.Shopper shopper = store.register("matrix");
		Principal staff = new Principal(Principal.ActorType.USER, "user_matrix", null, "staff@loupe.test",
				sessions.open(new Principal(Principal.ActorType.USER, "user_matrix", null, "staff@loupe.test"),
						Duration.ofMinutes(5)).id());
		Map<Caller, String> credentials = Map.of(Caller.CUSTOMER, shopper.token(), Caller.REGISTRATION,
				store.registrationToken("authid_matrix" + System.nanoTime(), StoreCustomers.uniqueEmail("reg")),
				Caller.STAFF, tokens.issue(staff));
		List<String> checked = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/store/")) {
					continue;
				}
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					Row row = MATRIX.stream()
						.filter(r -> verb.name().matches(r.methods()) && pattern.matches(r.path()))
						.findFirst()
						.orElseThrow(() -> new AssertionError(verb + " " + pattern + " is missing from the matrix"));
					String path = pattern.replaceAll("\\{[^}]+}", "zz_nonexistent");
					for (Caller caller : Caller.values()) {
						Answer answer = StoreApiTestSupport.send(port, verb.name(), path, key, credentials.get(caller),
								verb == RequestMethod.POST ? "{}" : null);
						if (row.allowed().contains(caller)) {
							assertThat(answer.status()).as(caller + " " + verb + " " + path).isNotEqualTo(401);
						}
						else {
							assertThat(answer.status()).as(caller + " " + verb + " " + path).isEqualTo(401);
						}
						assertThat(answer.status()).as(caller + " " + verb + " " + path).isLessThan(500);
					}
					checked.add(verb + " " + pattern);
				}
			}
		});
		assertThat(checked).hasSizeGreaterThan(15);
	}
}
