package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.platform.Ids;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which Admin API route: every route the application maps under {@code /admin} is looked up in the
 * table below and called over HTTP anonymously, with a secret API key and as a logged-in member of staff of each
 * role. A route missing from the table fails the test, so a new route cannot be left unchecked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminAuthorizationMatrixTests {

	private static final Set<StaffRole> CATALOG_WRITERS = EnumSet.of(StaffRole.ADMIN, StaffRole.BUYER);
	private static final Set<StaffRole> EVERYONE = EnumSet.allOf(StaffRole.class);

	/** The matrix: method and path pattern (regex over the mapping's pattern) to the roles allowed. */
	private record Row(String methods, String path, Set<StaffRole> allowed) {
	}

	private static final List<Row> MATRIX = List.of(
			new Row("GET", "/admin/users/me", EVERYONE),
			new Row("GET|POST|DELETE", "/admin/(users|invites|api-keys).*", EnumSet.of(StaffRole.ADMIN)),
			new Row("GET", "/admin/customers.*", EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE, StaffRole.OPTICIAN)),
			new Row("GET|POST|DELETE", "/admin/customer-groups.*",
					EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE, StaffRole.OPTICIAN)),
			new Row("GET", "/admin/(products|collections|product-categories|product-types|product-tags|price-lists).*", EVERYONE),
			new Row("POST|DELETE", "/admin/(products|collections|product-categories|product-types|product-tags).*",
					CATALOG_WRITERS),
			new Row("POST|DELETE", "/admin/price-lists.*", CATALOG_WRITERS),
			new Row("POST|DELETE", "/admin/uploads.*", CATALOG_WRITERS),
			new Row("GET", "/admin/(shipping-options|shipping-profiles).*", EVERYONE),
			new Row("POST|DELETE", "/admin/(shipping-options|shipping-profiles).*", EnumSet.of(StaffRole.ADMIN)),
			new Row("GET|POST", "/admin/orders/[^/]+/fulfillments.*", EnumSet.of(StaffRole.ADMIN, StaffRole.WAREHOUSE)),
			new Row("GET", "/admin/orders/[^/]+/returns", EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE,
					StaffRole.OPTICIAN, StaffRole.LAB, StaffRole.WAREHOUSE)),
			new Row("POST", "/admin/orders/[^/]+/returns.*", EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE)),
			new Row("GET", "/admin/promotions.*", EVERYONE),
			new Row("POST|DELETE", "/admin/promotions.*", EnumSet.of(StaffRole.ADMIN, StaffRole.BUYER)),
			new Row("GET|POST", "/admin/webhooks.*", EnumSet.of(StaffRole.ADMIN)));

	/** Routes open to anyone: reading the Admin API's OpenAPI document and its Swagger UI page (ADR 005). */
	private static final List<Row> PUBLIC = List.of(
			new Row("GET", "/admin/(openapi\\.json(\\.yaml)?(/.*)?|docs)", EVERYONE));

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	StaffAccounts staff;

	@Autowired
	SecretApiKeys keys;

	@Autowired
	LoginThrottle throttle;

	Map<StaffRole, AdminApi> asRole = new EnumMap<>(StaffRole.class);

	@BeforeEach
	void logInOneOfEachRole() {
		for (StaffRole role : StaffRole.values()) {
			String email = role.code() + "-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@loupe.test";
			staff.create(email, "a long staff passphrase", role, "Test", role.code());
			Answer login = new AdminApi(port, null).post("/auth/user/emailpass",
					"{\"email\": \"" + email + "\", \"password\": \"a long staff passphrase\"}");
			assertThat(login.status()).as(role + " login").isEqualTo(200);
			asRole.put(role, AdminApi.bearer(port, login.body().path("token").asString()));
		}
	}

	@AfterEach
	void forgetFailures() {
		throttle.forgetAddress("127.0.0.1");
	}

	@Test
	void everyAdminRouteIsInTheMatrixAndEnforcedForEveryRole() {
		AdminApi anonymous = new AdminApi(port, null);
		AdminApi integration = AdminApi.bearer(port, keys.create("Matrix test", "test").token());
		List<String> checked = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/admin/")) {
					continue;
				}
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					if (PUBLIC.stream().anyMatch(r -> verb.name().matches(r.methods()) && pattern.matches(r.path()))) {
						String path = pattern.replaceAll("\\{[^}]+}", "zz_nonexistent");
						Answer answer = call(anonymous, verb, path);
						assertThat(answer.status()).as("anonymous " + verb + " " + path + " (public)").isNotIn(401, 403)
							.isLessThan(500);
						checked.add(verb + " " + pattern + " (public)");
						continue;
					}
					Row row = MATRIX.stream()
						.filter(r -> verb.name().matches(r.methods()) && pattern.matches(r.path()))
						.findFirst()
						.orElseThrow(() -> new AssertionError(verb + " " + pattern + " is missing from the matrix"));
					String path = pattern.replaceAll("\\{[^}]+}", "zz_nonexistent");
					assertThat(call(anonymous, verb, path).status()).as("anonymous " + verb + " " + path).isEqualTo(401);
					assertThat(call(integration, verb, path).status()).as("API key " + verb + " " + path).isNotIn(401, 403);
					for (StaffRole role : StaffRole.values()) {
						Answer answer = call(asRole.get(role), verb, path);
						assertThat(answer.status()).as(role + " " + verb + " " + path + " is never a server fault")
							.isLessThan(500);
						if (row.allowed().contains(role)) {
							assertThat(answer.status()).as(role + " " + verb + " " + path).isNotIn(401, 403);
						}
						else {
							assertThat(answer.status()).as(role + " " + verb + " " + path).isEqualTo(403);
							assertThat(answer.type()).isEqualTo("forbidden");
						}
					}
					checked.add(verb + " " + pattern);
				}
			}
		});
		assertThat(checked).hasSizeGreaterThan(30);
	}

	@Test
	void loggingOutEndsTheStaffToken() {
		AdminApi admin = asRole.get(StaffRole.ADMIN);
		assertThat(admin.get("/admin/products?limit=1").status()).isEqualTo(200);
		assertThat(admin.delete("/auth/session").status()).isEqualTo(200);
		assertThat(admin.get("/admin/products?limit=1").status()).isEqualTo(401);
	}

	@Test
	void staffLoginRefusesWrongPasswordsAlike() {
		AdminApi anonymous = new AdminApi(port, null);
		Answer wrong = anonymous.post("/auth/user/emailpass", "{\"email\": \"admin@loupe.test\", \"password\": \"nope nope nope\"}");
		Answer unknown = anonymous.post("/auth/user/emailpass", "{\"email\": \"ghost@loupe.test\", \"password\": \"nope nope nope\"}");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.raw()).isEqualTo(unknown.raw());
		// A customer token is no staff token.
		assertThat(AdminApi.bearer(port, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.x").get("/admin/products").status())
			.isEqualTo(401);
	}

	private static Answer call(AdminApi api, RequestMethod verb, String path) {
		return switch (verb) {
			case GET -> api.get(path);
			case DELETE -> api.delete(path);
			default -> api.post(path, "{}");
		};
	}
}
