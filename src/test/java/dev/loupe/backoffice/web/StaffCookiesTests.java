package dev.loupe.backoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The back office's cookies and tokens, without a server: flags over HTTPS, one CSRF token per session. */
class StaffCookiesTests {

	@Test
	void theSessionCookieIsSecureOnlyOverHttps() {
		MockHttpServletRequest https = new MockHttpServletRequest();
		https.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		StaffCookies.set(https, response, StaffCookies.SESSION, "a".repeat(64), null);
		assertThat(response.getHeader("Set-Cookie")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax")
			.contains("Path=/app").doesNotContain("Max-Age");

		MockHttpServletResponse plain = new MockHttpServletResponse();
		StaffCookies.set(new MockHttpServletRequest(), plain, StaffCookies.SESSION, "a".repeat(64), null);
		assertThat(plain.getHeader("Set-Cookie")).doesNotContain("Secure");
	}

	@Test
	void eachSessionHasItsOwnTokenThatRevealsNothingOfTheSecret() {
		String secret = "0123456789abcdef".repeat(4);
		String token = StaffCookies.csrfToken(secret);
		assertThat(token).isEqualTo(StaffCookies.csrfToken(secret)).doesNotContain(secret).hasSize(43);
		assertThat(StaffCookies.csrfToken("f" + secret.substring(1))).isNotEqualTo(token);

		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/app/logout");
		form.addParameter("_csrf", token);
		assertThat(StaffCookies.carries(form, token)).isTrue();
		MockHttpServletRequest htmx = new MockHttpServletRequest("POST", "/app/logout");
		htmx.addHeader("X-CSRF-Token", token);
		assertThat(StaffCookies.carries(htmx, token)).isTrue();
		MockHttpServletRequest none = new MockHttpServletRequest("POST", "/app/logout");
		assertThat(StaffCookies.carries(none, token)).isFalse();
		MockHttpServletRequest wrong = new MockHttpServletRequest("POST", "/app/logout");
		wrong.addParameter("_csrf", token.substring(1) + "A");
		assertThat(StaffCookies.carries(wrong, token)).isFalse();
		MockHttpServletRequest huge = new MockHttpServletRequest("POST", "/app/logout");
		huge.addParameter("_csrf", "x".repeat(10_000));
		assertThat(StaffCookies.carries(huge, token)).isFalse();
	}

	@Test
	void signInFollowsOnlyBackOfficePaths() {
		assertThat(LoginController.safeNext("/app/orders?status=pending")).isEqualTo("/app/orders?status=pending");
		for (String next : new String[] { null, "", "//evil.example", "https://evil.example/app", "/app//evil.example",
				"/app/../store", "/app/%2e%2e/store", "/app\\evil", "/app/login", "/app\r\nSet-Cookie: x=1", "/store",
				"/app/" + "x".repeat(2000), "/appx", "/app?next=//evil" }) {
			assertThat(LoginController.safeNext(next)).as(String.valueOf(next)).isEqualTo("/app");
		}
	}

	@Test
	void aFlashMessageIsReadOnceAndOnlyOfAKnownKind() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		Flash.put(request, response, Flash.success("Refunded $5.00."));
		String value = response.getCookie(StaffCookies.FLASH).getValue();
		MockHttpServletRequest next = new MockHttpServletRequest();
		next.setCookies(new jakarta.servlet.http.Cookie(StaffCookies.FLASH, value));
		MockHttpServletResponse cleared = new MockHttpServletResponse();
		assertThat(Flash.take(next, cleared)).isEqualTo(new Flash("success", "Refunded $5.00."));
		assertThat(cleared.getHeader("Set-Cookie")).contains("Max-Age=0");

		MockHttpServletRequest forged = new MockHttpServletRequest();
		forged.setCookies(new jakarta.servlet.http.Cookie(StaffCookies.FLASH, java.util.Base64.getUrlEncoder()
			.encodeToString("script:<b>x</b>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		assertThat(Flash.take(forged, new MockHttpServletResponse())).isNull();
		MockHttpServletRequest garbage = new MockHttpServletRequest();
		garbage.setCookies(new jakarta.servlet.http.Cookie(StaffCookies.FLASH, "%%%"));
		assertThat(Flash.take(garbage, new MockHttpServletResponse())).isNull();
	}
}
