package dev.loupe.backoffice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A message for the page after a redirect ("Refunded 5.00 USD"), carried in a short-lived cookie that the next page
 * takes and clears. The cookie is HttpOnly and limited to /app, so another site cannot plant text in the back office.
 */
public record Flash(String kind, String message) {

	static final int MAX = 300;

	static Flash success(String message) {
		return new Flash("success", message);
	}

	static void put(HttpServletRequest request, HttpServletResponse response, Flash flash) {
		String text = flash.kind() + ":" + (flash.message().length() > MAX ? flash.message().substring(0, MAX) : flash.message());
		StaffCookies.set(request, response, StaffCookies.FLASH,
				Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
				Duration.ofMinutes(1));
	}

	/** The flash of this request, if any, cleared for the next one. */
	static Flash take(HttpServletRequest request, HttpServletResponse response) {
		String value = StaffCookies.read(request, StaffCookies.FLASH);
		if (value == null || value.isEmpty()) {
			return null;
		}
		StaffCookies.clear(request, response, StaffCookies.FLASH);
		try {
			String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			String kind = colon > 0 ? text.substring(0, colon) : "";
			if (!kind.equals("success") && !kind.equals("error")) {
				return null;
			}
			String message = text.substring(colon + 1);
			return new Flash(kind, message.length() > MAX ? message.substring(0, MAX) : message);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
