package dev.loupe.storefront.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/** The storefront's cookies: all HttpOnly and SameSite=Lax (ADR 016), Secure behind HTTPS. */
final class Cookies {

	static final String CART = "loupe_cart";
	static final String REGION = "loupe_region";
	/** The customer session: the same cookie as the Store API's cookie sessions. */
	static final String SESSION = "connect.sid";
	/** The order just placed, which this browser may see on the confirmation page. */
	static final String LAST_ORDER = "loupe_order";

	private Cookies() {
	}

	static String read(HttpServletRequest request, String name) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()
					&& cookie.getValue().length() <= 200) {
				return cookie.getValue();
			}
		}
		return null;
	}

	static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
			Duration maxAge) {
		boolean secure = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
		response.addHeader("Set-Cookie", ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite("Lax")
			.path("/").maxAge(maxAge).build().toString());
	}

	static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
		set(request, response, name, "", Duration.ZERO);
	}

	/** Whether the request carries a cookie that makes its pages personal (cart, session). */
	static boolean personal(HttpServletRequest request) {
		return read(request, CART) != null || read(request, SESSION) != null;
	}
}
