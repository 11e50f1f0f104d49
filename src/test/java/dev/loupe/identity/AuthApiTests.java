package dev.loupe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.notification.Message;
import dev.loupe.notification.Notifications;
import dev.loupe.platform.AdjustableClock;
import dev.loupe.platform.Ids;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer logins over real HTTP: Medusa's emailpass registration and login, token refresh after the account is
 * created, cookie sessions, password reset through the outbox, and the abuse cases: weak passwords, duplicate
 * registration, wrong passwords without telling whether the account exists, forged, tampered and expired tokens,
 * and a burst of wrong logins that ends in 429 with the account unusable for the attacker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthApiTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	Logins logins;

	@Autowired
	Tokens tokens;

	@Autowired
	Notifications notifications;

	@Autowired
	AdjustableClock clock;

	@Autowired
	LoginThrottle throttle;

	String email;

	record Answer(int status, JsonNode body, HttpResponse<String> response) {

		String type() {
			return body == null ? null : body.path("type").asString();
		}
	}

	@BeforeEach
	void freshEmail() {
		email = "shopper-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
	}

	@AfterEach
	void resetClockAndAddressLimit() {
		clock.reset();
		throttle.forgetAddress("127.0.0.1");
	}

	@Test
	void registerCreateTheCustomerThenLogInAndRefresh() {
		Answer registered = post("/auth/customer/emailpass/register", Map.of("email", email, "password", PASSWORD), null);
		assertThat(registered.status()).isEqualTo(200);
		Principal registration = tokens.verify(registered.body().path("token").asString()).orElseThrow();
		assertThat(registration.registered()).isFalse();
		assertThat(registration.email()).isEqualTo(email);

		// POST /store/customers links the login to the customer it creates (CustomerRegistered); here directly.
		logins.link(registration.authIdentityId(), "cus_" + registration.authIdentityId().substring(7));
		Answer refreshed = post("/auth/token/refresh", Map.of(), registered.body().path("token").asString());
		assertThat(refreshed.status()).isEqualTo(200);
		Principal customer = tokens.verify(refreshed.body().path("token").asString()).orElseThrow();
		assertThat(customer.registered()).isTrue();

		Answer login = post("/auth/customer/emailpass", Map.of("email", email.toUpperCase(Locale.ROOT), "password", PASSWORD),
				null);
		assertThat(login.status()).isEqualTo(200);
		assertThat(tokens.verify(login.body().path("token").asString()).orElseThrow().actorId()).isEqualTo(customer.actorId());

		Answer again = post("/auth/customer/emailpass/register", Map.of("email", email, "password", PASSWORD), null);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.type()).isEqualTo("duplicate_error");
	}

	@Test
	void anUnfinishedRegistrationCanBeResumedOnlyWithItsPassword() {
		post("/auth/customer/emailpass/register", Map.of("email", email, "password", PASSWORD), null);
		assertThat(post("/auth/customer/emailpass/register", Map.of("email", email, "password", PASSWORD), null).status())
			.isEqualTo(200);
		assertThat(post("/auth/customer/emailpass/register", Map.of("email", email, "password", "another long phrase"), null)
			.status()).isEqualTo(422);
	}

	@ParameterizedTest
	@ValueSource(strings = { "short|password must be at least 10", "1234567890|too easy to guess",
			"aaaaaaaaaaaaaaaa|too easy to guess", "OVERLONG|at most 128", "EMAIL|too easy to guess" })
	void weakAndOverlongPasswordsAreRefused(String testCase) {
		String password = testCase.substring(0, testCase.indexOf('|'));
		if (password.equals("OVERLONG")) {
			password = "x1y2z3".repeat(30);
		}
		if (password.equals("EMAIL")) {
			password = "my " + email;
		}
		Answer answer = post("/auth/customer/emailpass/register", Map.of("email", email, "password", password), null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().path("message").asString()).contains(testCase.substring(testCase.indexOf('|') + 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-email", "a@b", "two@@example.com", "spaces in@example.com", "" })
	void malformedEmailsAreRefused(String bad) {
		Answer answer = post("/auth/customer/emailpass/register", Map.of("email", bad, "password", PASSWORD), null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.type()).isEqualTo("invalid_data");
	}

	@Test
	void wrongPasswordsAndUnknownEmailsLookTheSame() {
		register(email);
		Answer wrongPassword = post("/auth/customer/emailpass", Map.of("email", email, "password", "wrong password!"), null);
		Answer unknown = post("/auth/customer/emailpass", Map.of("email", "nobody-" + email, "password", PASSWORD), null);
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrongPassword.response().body()).isEqualTo(unknown.response().body());
		assertThat(post("/auth/customer/emailpass", Map.of("email", email, "password", "x".repeat(500)), null).status())
			.isEqualTo(401);
		assertThat(post("/auth/customer/emailpass", Map.of("email", email, "password", "x".repeat(5000)), null).status())
			.isEqualTo(400);
		assertThat(post("/auth/customer/emailpass", Map.of("email", email, "password", PASSWORD, "otp", "1"), null).status())
			.isEqualTo(400);
	}

	@Test
	void aBurstOfWrongLoginsEndsIn429AndTheAttackerCannotGetIn() {
		register(email);
		int firstLimited = -1;
		for (int i = 0; i < 50; i++) {
			Answer answer = post("/auth/customer/emailpass", Map.of("email", email, "password", "guess number " + i), null);
			if (answer.status() == 429) {
				firstLimited = i;
				assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
				assertThat(answer.type()).isEqualTo("too_many_requests");
				break;
			}
			assertThat(answer.status()).isEqualTo(401);
		}
		assertThat(firstLimited).isBetween(5, 10);
		// Even the right password is refused while the limit holds.
		assertThat(post("/auth/customer/emailpass", Map.of("email", email, "password", PASSWORD), null).status())
			.isEqualTo(429);
	}

	@Test
	void forgedTamperedAndExpiredTokensAreRefused() {
		String token = login(register(email));
		assertThat(post("/auth/token/refresh", Map.of(), token).status()).isEqualTo(200);
		String[] parts = token.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String otherCustomer = b64(claims.replaceAll("\"actor_id\":\"[^\"]+\"", "\"actor_id\":\"cus_someoneelse\""));
		String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String weakSecret = signedWith("secret", parts[0], parts[1]);
		for (String forged : List.of(parts[0] + "." + otherCustomer + "." + parts[2], none + "." + parts[1] + ".",
				none + "." + parts[1], weakSecret, parts[0] + "." + parts[1] + ".AAAA", "not.a.jwt", "garbage",
				b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2])) {
			Answer answer = post("/auth/token/refresh", Map.of(), forged);
			assertThat(answer.status()).as(forged).isEqualTo(401);
			assertThat(answer.type()).isEqualTo("unauthorized");
		}
		clock.advance(tokens.ttl().plusSeconds(1));
		assertThat(post("/auth/token/refresh", Map.of(), token).status()).isEqualTo(401);
	}

	@Test
	void aCookieSessionWorksUntilLogout() throws Exception {
		String token = login(register(email));
		Answer opened = post("/auth/session", Map.of(), token);
		assertThat(opened.status()).isEqualTo(200);
		String setCookie = opened.response().headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(setCookie).startsWith("connect.sid=").contains("HttpOnly").contains("SameSite=Lax");
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));

		assertThat(send(HttpRequest.newBuilder(uri("/auth/token/refresh")).header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
		Answer closed = send(HttpRequest.newBuilder(uri("/auth/session")).header("Cookie", cookie).DELETE());
		assertThat(closed.status()).isEqualTo(200);
		assertThat(closed.response().headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
		assertThat(send(HttpRequest.newBuilder(uri("/auth/token/refresh")).header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(401);
		assertThat(post("/auth/session", Map.of(), null).status()).isEqualTo(401);
	}

	@Test
	void aPasswordResetGoesThroughTheOutboxAndWorksOnce() throws Exception {
		String unknown = "nobody-" + email;
		Answer forUnknown = post("/auth/customer/emailpass/reset-password", Map.of("identifier", unknown), null);
		register(email);
		Answer forKnown = post("/auth/customer/emailpass/reset-password", Map.of("identifier", email), null);
		assertThat(forUnknown.status()).isEqualTo(201);
		assertThat(forKnown.status()).isEqualTo(201);
		assertThat(forKnown.response().body()).isEqualTo(forUnknown.response().body());

		List<Message> messages = List.of();
		for (int i = 0; i < 100 && messages.isEmpty(); i++) {
			Thread.sleep(50);
			messages = notifications.to(email, 5);
		}
		assertThat(messages).hasSize(1);
		assertThat(notifications.to(unknown, 5)).isEmpty();
		String resetToken = messages.getFirst().bodyText().replaceAll("(?s).*token=([0-9a-f]{64}).*", "$1");
		assertThat(resetToken).hasSize(64);

		assertThat(post("/auth/customer/emailpass/update", Map.of("password", "short"), resetToken).status()).isEqualTo(400);
		assertThat(post("/auth/customer/emailpass/update", Map.of("password", "a brand new phrase"), resetToken).status())
			.isEqualTo(200);
		assertThat(post("/auth/customer/emailpass/update", Map.of("password", "yet another phrase"), resetToken).status())
			.isEqualTo(401);
		assertThat(post("/auth/customer/emailpass", Map.of("email", email, "password", PASSWORD), null).status())
			.isEqualTo(401);
		assertThat(post("/auth/customer/emailpass", Map.of("email", email, "password", "a brand new phrase"), null).status())
			.isEqualTo(200);
		assertThat(post("/auth/customer/emailpass/update", Map.of("password", "a brand new phrase"), "0".repeat(64))
			.status()).isEqualTo(401);
	}

	// ---------------------------------------------------------------- helpers

	private String register(String address) {
		Answer registered = post("/auth/customer/emailpass/register", Map.of("email", address, "password", PASSWORD), null);
		Principal registration = tokens.verify(registered.body().path("token").asString()).orElseThrow();
		logins.link(registration.authIdentityId(), "cus_" + registration.authIdentityId().substring(7));
		return address;
	}

	private String login(String address) {
		return post("/auth/customer/emailpass", Map.of("email", address, "password", PASSWORD), null).body().path("token")
			.asString();
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String signedWith(String secret, String header, String payload) {
		try {
			var mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return header + "." + payload + "."
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal((header + "." + payload).getBytes(
							StandardCharsets.US_ASCII)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private Answer post(String path, Map<String, ?> body, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request);
	}

	private static Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = null;
			try {
				body = response.body().isEmpty() ? null : JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				// left null
			}
			return new Answer(response.statusCode(), body, response);
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

}
