package dev.loupe.backoffice.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The back office's cookies, all limited to {@code /app}, HttpOnly, SameSite=Lax and Secure on https: the staff
 * session (its secret; no Max-Age, so it ends with the browser as well as on the server), the pre-session token of
 * the sign-in form (double-submitted, against login CSRF) and a one-shot flash message.
 *
 * <p>The CSRF token of a session is derived from the session secret (SHA-256 over a domain label and the secret):
 * one token per session, known to the server without storing it, and useless to an attacker who cannot read the
 * HttpOnly cookie it comes from; the digest does not reveal the secret to a reader of the page.
 */
final class StaffCookies {

	static final String SESSION = "loupe_staff";
	static final String LOGIN = "loupe_login";
	static final String FLASH = "loupe_flash";
	static final String PATH = "/app";
	static final String CSRF_FIELD = "_csrf";
	static final String CSRF_HEADER = "X-CSRF-Token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private StaffCookies() {
	}

	static String read(HttpServletRequest request, String name) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	static void set(HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value)
			.path(PATH)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax");
		if (maxAge != null) {
			cookie.maxAge(maxAge);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
	}

	static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
		set(request, response, name, "", Duration.ZERO);
	}

	static String csrfToken(String sessionSecret) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("loupe-back-office-csrf:" + sessionSecret));
	}

	/** Whether the request carries the expected token, in the form field or the htmx header; constant-time. */
	static boolean carries(HttpServletRequest request, String expected) {
		String given = request.getHeader(CSRF_HEADER);
		if (given == null) {
			given = request.getParameter(CSRF_FIELD);
		}
		return given != null && expected != null && given.length() < 200 && MessageDigest
			.isEqual(sha256(given), sha256(expected));
	}

	static String randomToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
