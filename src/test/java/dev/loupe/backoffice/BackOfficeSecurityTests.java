package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.platform.AdjustableClock;
import dev.loupe.platform.Ids;
import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The back office's gate over real HTTP: sign-in (good, bad, throttled), the session cookie and its end (sign-out,
 * idle timeout), CSRF tokens on every change, and which role may open which page or take which action — every
 * route under /app is looked up in one table, so a new page cannot be left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeSecurityTests {

	private static final String PASSWORD = "a long staff passphrase";
	private static final Set<StaffRole> EVERYONE = EnumSet.allOf(StaffRole.class);
	private static final Set<StaffRole> ORDER_READERS = EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE,
			StaffRole.OPTICIAN, StaffRole.LAB, StaffRole.WAREHOUSE);
	private static final Set<StaffRole> CATALOG_WRITERS = EnumSet.of(StaffRole.ADMIN, StaffRole.BUYER);
	private static final Set<StaffRole> ORDER_WRITERS = EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE);
	private static final Set<StaffRole> ORDER_FULFILLERS = EnumSet.of(StaffRole.ADMIN, StaffRole.WAREHOUSE);
	private static final Set<StaffRole> CUSTOMER_READERS = EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE,
			StaffRole.OPTICIAN);

	/** The table: method, mapping pattern (regex), the roles allowed. */
	private record Row(String methods, String pattern, Set<StaffRole> allowed) {
	}

	private static final List<Row> MATRIX = List.of(
			new Row("GET", "/app", EVERYONE),
			new Row("POST", "/app/logout", EVERYONE),
			new Row("GET", "/app/orders(/\\{id})?", ORDER_READERS),
			new Row("POST", "/app/orders/\\{id}/(capture|refund|cancel|notes|resend-confirmation)", ORDER_WRITERS),
			new Row("POST", "/app/orders/\\{id}/returns(/\\{returnId}/(receive|close|cancel))?", ORDER_WRITERS),
			new Row("POST", "/app/orders/\\{id}/fulfillments(/\\{fid}/(label|ship|deliver|cancel))?", ORDER_FULFILLERS),
			new Row("GET", "/app/customers(/\\{id})?", CUSTOMER_READERS),
			new Row("GET|POST", "/app/customers/groups(/\\{id}(/delete|/members(/\\{customerId}/remove)?)?)?",
					CUSTOMER_READERS),
			new Row("POST", "/app/customers/\\{customerId}/groups(/\\{groupId}/remove)?", CUSTOMER_READERS),
			new Row("GET", "/app/products", EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE, StaffRole.OPTICIAN,
					StaffRole.LAB, StaffRole.WAREHOUSE, StaffRole.BUYER)),
			new Row("GET|POST", "/app/products/new", EnumSet.of(StaffRole.ADMIN, StaffRole.BUYER)),
			new Row("POST", "/app/products/new/preview", CATALOG_WRITERS),
			new Row("GET", "/app/products/export", EVERYONE),
			new Row("POST", "/app/products/bulk", CATALOG_WRITERS),
			new Row("GET|POST", "/app/products/import(/\\{id}(/progress)?)?", CATALOG_WRITERS),
			new Row("GET", "/app/products/\\{id}", EnumSet.of(StaffRole.ADMIN, StaffRole.ASSOCIATE, StaffRole.OPTICIAN,
					StaffRole.LAB, StaffRole.WAREHOUSE, StaffRole.BUYER)),
			new Row("POST", "/app/products/\\{id}(/status|/organize|/images(/\\{imageId}/(move|delete))?|/variants/(new|\\{variantId}(/delete)?)|/options/\\{optionId})?", EnumSet.of(StaffRole.ADMIN,
					StaffRole.BUYER)),
			new Row("GET", "/app/(categories|collections)(/\\{id})?", EVERYONE),
			new Row("POST", "/app/(categories|collections)(/\\{id}(/delete)?)?", CATALOG_WRITERS),
			new Row("GET", "/app/inventory(/reservations|/\\{variantId})?", EVERYONE),
			new Row("POST", "/app/inventory/(bulk|default-threshold|\\{variantId}/(adjust|threshold))", ORDER_FULFILLERS),
			new Row("GET|POST", "/app/promotions(/new|/\\{id}(/deactivate)?)?", EnumSet.of(StaffRole.ADMIN, StaffRole.BUYER)),
			new Row("GET|POST", "/app/settings(/.*)?", EnumSet.of(StaffRole.ADMIN)));

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Sessions sessions;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final Map<StaffRole, String> emails = new EnumMap<>(StaffRole.class);

	@BeforeEach
	void oneMemberOfStaffPerRole() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		for (StaffRole role : StaffRole.values()) {
			String email = "bo-" + role.code() + "-" + run + "@loupe.test";
			staff.create(email, PASSWORD, role, "Test", role.code());
			emails.put(role, email);
		}
	}

	@AfterEach
	void forget() {
		throttle.forgetAddress("127.0.0.1");
		clock.reset();
	}

	// ---------------------------------------------------------------- signing in and out

	@Test
	void anonymousVisitorsAreSentToSignInAndBackAfterwards() {
		BackOfficeClient browser = new BackOfficeClient(port);
		Page orders = browser.get("/app/orders?status=pending");
		assertThat(orders.status()).isEqualTo(303);
		assertThat(orders.header("Location")).isEqualTo("/app/login?next=%2Fapp%2Forders%3Fstatus%3Dpending");
		assertThat(browser.get("/app").header("Location")).startsWith("/app/login");
		assertThat(browser.get("/app/nothing-here").header("Location")).startsWith("/app/login");
		Page post = browser.post("/app/orders/order_x/cancel", Map.of("reason", "x"));
		assertThat(post.status()).isEqualTo(303);
		assertThat(post.header("Location")).isEqualTo("/app/login");

		browser.get("/app/login?next=%2Fapp%2Forders%3Fstatus%3Dpending");
		Page signedIn = browser.submit("/app/login", Map.of("email", emails.get(StaffRole.ADMIN), "password", PASSWORD,
				"next", "/app/orders?status=pending"));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/app/orders?status=pending");
	}

	@Test
	void signingInSetsAnHttpOnlySameSiteSessionCookieLimitedToTheBackOffice() {
		BackOfficeClient browser = new BackOfficeClient(port);
		Page form = browser.get("/app/login");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Sign in").contains("name=\"_csrf\"");
		assertThat(form.setCookie("loupe_login")).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/app");

		Page signedIn = browser.submit("/app/login", Map.of("email", emails.get(StaffRole.ADMIN).toUpperCase(Locale.ROOT),
				"password", PASSWORD));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/app");
		String cookie = signedIn.setCookie("loupe_staff");
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/app")
			.doesNotContain("Max-Age").doesNotContain("Secure");
		assertThat(browser.cookies.get("loupe_staff")).matches("[0-9a-f]{64}");

		Page dashboard = browser.get("/app");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.header("Cache-Control")).isEqualTo("no-store");
		assertThat(dashboard.body()).contains("Dashboard").contains("Test admin").contains("Admin");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'staff.signed_in' and actor_id = "
				+ "(select id from identity.staff_user where email = ?)").param(emails.get(StaffRole.ADMIN))
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aWrongPasswordOrUnknownEmailIsRefusedAlikeWithoutASession() {
		BackOfficeClient browser = new BackOfficeClient(port);
		Page wrong = browser.signIn(emails.get(StaffRole.ADMIN), "not the password");
		Page unknown = browser.signIn("nobody-" + Ids.next("t").toLowerCase(Locale.ROOT) + "@loupe.test", PASSWORD);
		for (Page page : List.of(wrong, unknown)) {
			assertThat(page.status()).isEqualTo(401);
			assertThat(page.body()).contains("Invalid email or password");
			assertThat(page.setCookie("loupe_staff")).isNull();
		}
		assertThat(browser.get("/app").status()).isEqualTo(303);
		Page empty = browser.signIn("", "");
		assertThat(empty.status()).isEqualTo(400);
		Page hostile = browser.signIn("a\u0000b@loupe.test", "x".repeat(5000));
		assertThat(hostile.status()).isEqualTo(400);
	}

	@Test
	void aSignInFormWithoutItsTokenIsRefused() {
		BackOfficeClient browser = new BackOfficeClient(port);
		browser.get("/app/login");
		Page forged = browser.post("/app/login", Map.of("email", emails.get(StaffRole.ADMIN), "password", PASSWORD,
				"_csrf", "forged"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.setCookie("loupe_staff")).isNull();
		BackOfficeClient stranger = new BackOfficeClient(port);
		Page noCookie = stranger.post("/app/login", Map.of("email", emails.get(StaffRole.ADMIN), "password", PASSWORD,
				"_csrf", browser.lastCsrf));
		assertThat(noCookie.status()).isEqualTo(403);
	}

	@Test
	void manyWrongPasswordsLockTheAccountWith429AndRetryAfter() {
		BackOfficeClient attacker = new BackOfficeClient(port);
		String victim = emails.get(StaffRole.ASSOCIATE);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			statuses.add(attacker.signIn(victim, "guess " + i).status());
		}
		assertThat(statuses.subList(0, 10)).containsOnly(401);
		assertThat(statuses.subList(10, 12)).containsOnly(429);
		Page locked = attacker.signIn(victim, PASSWORD);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
		assertThat(locked.body()).contains("Too many failed sign-ins");
		assertThat(locked.setCookie("loupe_staff")).isNull();
	}

	@Test
	void signingOutEndsTheSessionOnTheServer() {
		BackOfficeClient browser = new BackOfficeClient(port);
		browser.signIn(emails.get(StaffRole.ADMIN), PASSWORD);
		String secret = browser.cookies.get("loupe_staff");
		assertThat(browser.get("/app/orders").status()).isEqualTo(200);
		Page out = browser.submit("/app/logout", Map.of());
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.header("Location")).endsWith("/app/login");
		assertThat(out.setCookie("loupe_staff")).contains("Max-Age=0");
		assertThat(browser.get("/app/login").body()).contains("You have signed out.");

		BackOfficeClient replay = new BackOfficeClient(port);
		replay.cookies.put("loupe_staff", secret);
		assertThat(replay.get("/app/orders").status()).isEqualTo(303);
	}

	@Test
	void anIdleSessionEndsAndSoDoesAnOldOne() {
		BackOfficeClient browser = new BackOfficeClient(port);
		browser.signIn(emails.get(StaffRole.ADMIN), PASSWORD);
		clock.advance(Duration.ofMinutes(20));
		assertThat(browser.get("/app/orders").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(25));
		assertThat(browser.get("/app/orders").status()).as("used 25 minutes ago").isEqualTo(200);
		clock.advance(Duration.ofMinutes(31));
		assertThat(browser.get("/app/orders").status()).as("idle for 31 minutes").isEqualTo(303);

		clock.reset();
		BackOfficeClient busy = new BackOfficeClient(port);
		busy.signIn(emails.get(StaffRole.ADMIN), PASSWORD);
		for (int i = 0; i < 17; i++) {
			clock.advance(Duration.ofMinutes(29));
			busy.get("/app/orders");
		}
		assertThat(busy.get("/app/orders").status()).as("signed in over 8 hours ago").isEqualTo(303);
	}

	@Test
	void aCustomerSessionIsNoStaffSession() {
		String customerSecret = sessions.open(new Principal(Principal.ActorType.CUSTOMER, "cus_" + "0".repeat(26), null,
				"shopper@example.com"), Duration.ofHours(1)).secret();
		BackOfficeClient browser = new BackOfficeClient(port);
		browser.cookies.put("loupe_staff", customerSecret);
		assertThat(browser.get("/app/orders").status()).isEqualTo(303);
	}

	// ---------------------------------------------------------------- CSRF

	@Test
	void changesWithoutTheSessionsTokenAreRefused() {
		BackOfficeClient browser = new BackOfficeClient(port);
		browser.signIn(emails.get(StaffRole.ADMIN), PASSWORD);
		browser.get("/app/orders");
		String token = browser.lastCsrf;
		Page none = browser.post("/app/logout", Map.of());
		assertThat(none.status()).isEqualTo(403);
		assertThat(none.body()).contains("You don't have access to this").contains("form has expired");
		Page wrong = browser.post("/app/logout", Map.of("_csrf", token.substring(1) + "x"));
		assertThat(wrong.status()).isEqualTo(403);

		BackOfficeClient other = new BackOfficeClient(port);
		other.signIn(emails.get(StaffRole.ASSOCIATE), PASSWORD);
		other.get("/app/orders");
		assertThat(other.lastCsrf).isNotEqualTo(token);
		assertThat(other.post("/app/logout", Map.of("_csrf", token)).status()).as("another session's token").isEqualTo(403);

		assertThat(browser.get("/app/orders").status()).as("still signed in").isEqualTo(200);
		Page header = browser.postWithHeader("/app/orders/order_x/notes", "X-CSRF-Token", token);
		assertThat(header.status()).as("the htmx header is a token too").isEqualTo(404);
		Page ok = browser.post("/app/logout", Map.of("_csrf", token));
		assertThat(ok.status()).isEqualTo(302);
	}

	// ---------------------------------------------------------------- roles

	@Test
	void everyBackOfficeRouteIsInTheTableAndEnforcedForEveryRole() {
		Map<StaffRole, BackOfficeClient> asRole = new EnumMap<>(StaffRole.class);
		for (StaffRole role : StaffRole.values()) {
			BackOfficeClient client = new BackOfficeClient(port);
			assertThat(client.signIn(emails.get(role), PASSWORD).status()).as(role + " signs in").isEqualTo(302);
			client.get("/app/nothing");
			asRole.put(role, client);
		}
		List<String> checked = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/app") || pattern.equals("/app/login") || pattern.equals("/app/invite") || pattern.contains("{section")) {
					continue;
				}
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					Row row = MATRIX.stream()
						.filter(r -> verb.name().matches(r.methods()) && pattern.matches(r.pattern()))
						.findFirst()
						.orElseThrow(() -> new AssertionError(verb + " " + pattern + " is missing from the matrix"));
					checked.add(verb + " " + pattern);
					if (pattern.equals("/app/logout")) {
						continue;
					}
					String path = pattern.replaceAll("\\{[^}]+}", "zz_nonexistent");
					for (StaffRole role : StaffRole.values()) {
						BackOfficeClient client = asRole.get(role);
						Page page = verb == RequestMethod.GET ? client.get(path)
								: client.submit(path, Map.of("amount", "1.00", "reason", "other", "body", "note",
										"idempotency_key", "k".repeat(20)));
						assertThat(page.status()).as(role + " " + verb + " " + path + " is never a server fault")
							.isLessThan(500);
						if (row.allowed().contains(role)) {
							assertThat(page.status()).as(role + " " + verb + " " + path).isNotIn(401, 403);
							assertThat(String.valueOf(page.header("Location"))).as(role + " " + verb + " " + path)
								.doesNotContain("/app/login");
						}
						else {
							assertThat(page.status()).as(role + " " + verb + " " + path).isEqualTo(403);
							assertThat(page.body()).contains("You don't have access to this")
								.contains("Your role (" + role.code() + ")");
						}
					}
				}
			}
		});
		assertThat(checked).contains("GET /app", "GET /app/orders", "POST /app/orders/{id}/refund",
				"POST /app/orders/{id}/fulfillments", "POST /app/orders/{id}/fulfillments/{fid}/ship",
				"POST /app/orders/{id}/returns", "POST /app/orders/{id}/returns/{returnId}/receive",
				"POST /app/orders/{id}/resend-confirmation",
				"GET /app/settings/audit", "GET /app/settings/outbox", "POST /app/products/new",
				"POST /app/products/{id}/variants/{variantId}", "GET /app/settings/webhooks",
				"POST /app/settings/webhooks/{id}/replay", "GET /app/settings/jobs", "POST /app/settings/staff/invite",
				"POST /app/settings/staff/{id}/deactivate", "POST /app/settings/keys", "POST /app/settings/keys/{id}/revoke",
				"POST /app/settings/store/tax-rates/{id}", "GET /app/settings/emails/{template}",
				"GET /app/settings/store/regions/new", "POST /app/settings/store/regions",
				"GET /app/settings/store/regions/{id}", "POST /app/settings/store/regions/{id}",
				"GET /app/settings/store/shipping/new", "POST /app/settings/store/shipping",
				"GET /app/settings/store/shipping/{id}", "POST /app/settings/store/shipping/{id}",
				"GET /app/settings/sales-channels", "POST /app/settings/sales-channels",
				"POST /app/settings/sales-channels/{id}", "POST /app/settings/sales-channels/{id}/disabled",
				"POST /app/settings/keys/publishable/{id}/revoke",
				"GET /app/categories", "POST /app/categories/{id}/delete",
				"POST /app/collections", "POST /app/products/{id}/organize", "POST /app/products/import",
				"GET /app/products/import/{id}/progress", "GET /app/products/export", "POST /app/products/bulk",
				"POST /app/products/{id}/images", "POST /app/products/{id}/images/{imageId}/delete",
				"POST /app/products/new/preview", "GET /app/inventory/reservations", "POST /app/inventory/bulk",
				"POST /app/inventory/default-threshold", "POST /app/inventory/{variantId}/threshold",
				"POST /app/products/{id}/variants/new", "POST /app/products/{id}/variants/{variantId}/delete",
				"POST /app/products/{id}/options/{optionId}");
	}

	@Test
	void theSidebarOffersOnlyWhatTheRoleMayOpen() {
		BackOfficeClient warehouse = new BackOfficeClient(port);
		warehouse.signIn(emails.get(StaffRole.WAREHOUSE), PASSWORD);
		Page home = warehouse.get("/app");
		assertThat(home.status()).as("no sales figures: sent to the orders").isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/app/orders");
		String orders = warehouse.get("/app/orders").body();
		assertThat(orders).contains("href=\"/app/orders\"").doesNotContain("href=\"/app/settings/audit\"")
			.doesNotContain("href=\"/app/customers\"").doesNotContain("Dashboard");

		BackOfficeClient buyer = new BackOfficeClient(port);
		buyer.signIn(emails.get(StaffRole.BUYER), PASSWORD);
		String dashboard = buyer.get("/app").body();
		assertThat(dashboard).contains("Sales per day").doesNotContain("href=\"/app/orders\"")
			.doesNotContain("href=\"/app/customers\"");
		Page customers = buyer.get("/app/customers");
		assertThat(customers.status()).isEqualTo(403);
	}

	@Test
	void unknownPagesAndBadInputAreBackOfficePagesNotJson() {
		BackOfficeClient browser = new BackOfficeClient(port);
		browser.signIn(emails.get(StaffRole.ADMIN), PASSWORD);
		Page missing = browser.get("/app/no/such/page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("text/html");
		assertThat(missing.body()).contains("There is no page at this address").contains("Sign out");
		Page order = browser.get("/app/orders/order_" + "0".repeat(26));
		assertThat(order.status()).isEqualTo(404);
		assertThat(order.body()).contains("Not found");
		assertThat(browser.get("/app/orders?page=abc").status()).isEqualTo(400);
		assertThat(browser.get("/app/orders?page=999999").status()).isEqualTo(400);
		assertThat(browser.get("/app/orders?status=bogus").status()).isEqualTo(400);
		assertThat(browser.get("/app/orders?from=yesterday").status()).isEqualTo(400);
		assertThat(browser.get("/app/orders?q=" + "x".repeat(300)).status()).isEqualTo(400);
		assertThat(browser.get("/app/orders?q=%00").status()).isEqualTo(400);
		assertThat(browser.get("/app/orders?q=%27%3B+drop+table+orders.sales_order%3B--").status()).isEqualTo(200);
		assertThat(browser.get("/app/settings/audit?from=2026-02-31").status()).isEqualTo(400);
		assertThat(browser.get("/app/assets/app.css").status()).isEqualTo(200);
	}

	@Test
	void signInOnlyEverLeadsBackIntoTheBackOffice() {
		for (String next : List.of("//evil.example/app", "https://evil.example", "/app/../evil", "/\\evil.example",
				"/store/products")) {
			BackOfficeClient browser = new BackOfficeClient(port);
			browser.get("/app/login");
			Page page = browser.submit("/app/login", Map.of("email", emails.get(StaffRole.ADMIN), "password", PASSWORD,
					"next", next));
			assertThat(page.header("Location")).as(next).matches("(https?://[^/]+)?/app");
			throttle.forgetAddress("127.0.0.1");
		}
	}
}
