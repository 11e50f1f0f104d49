package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.backoffice.BackOfficeProperties;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.StaffLogins;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to and out of the back office. Sign-in goes through {@link StaffLogins#signIn} (the Admin API's
 * checks, throttling and lockout) and is protected against login CSRF by a double-submitted token: a random value
 * in a cookie and in the form, which another site can neither read nor set.
 */
@Controller
class LoginController {

	private final StaffLogins logins;
	private final Sessions sessions;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final BackOfficeProperties properties;

	LoginController(StaffLogins logins, Sessions sessions, AuditLog audit, TransactionTemplate tx,
			BackOfficeProperties properties) {
		this.logins = logins;
		this.sessions = sessions;
		this.audit = audit;
		this.tx = tx;
		this.properties = properties;
	}

	@GetMapping("/app/login")
	String form(@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		response.setHeader("Cache-Control", "no-store");
		return page(model, request, response, "", safeNext(next), null, Flash.take(request, response));
	}

	@PostMapping("/app/login")
	String signIn(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
			@RequestParam(required = false) String next, @RequestParam(name = StaffCookies.CSRF_FIELD, required = false)
			String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		String shownEmail = email == null || email.length() > 300 ? "" : email.strip();
		String cookie = StaffCookies.read(request, StaffCookies.LOGIN);
		if (cookie == null || token == null || !cookie.equals(token)) {
			response.setStatus(403);
			return page(model, request, response, shownEmail, safeNext(next),
					"Your sign-in form expired. Please try again.", null);
		}
		if (email == null || email.isBlank() || password == null || password.isEmpty() || email.length() > 300
				|| password.length() > 1000) {
			response.setStatus(400);
			return page(model, request, response, shownEmail, safeNext(next), "Enter your email and password.", null);
		}
		StaffLogins.BrowserSession session;
		try {
			session = logins.signIn(email, password, request.getRemoteAddr(), properties.sessionLifetime());
		}
		catch (TooManyRequestsException e) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
			return page(model, request, response, shownEmail, safeNext(next),
					"Too many failed sign-ins. Try again in " + minutes(e.retryAfterSeconds()) + ".", null);
		}
		catch (LoupeException e) {
			response.setStatus(401);
			return page(model, request, response, shownEmail, safeNext(next), "Invalid email or password.", null);
		}
		tx.executeWithoutResult(s -> audit.record(Actor.staff(session.principal().actorId()), "staff.signed_in",
				"staff_user", session.principal().actorId(), Map.of("from", request.getRemoteAddr(), "via", "back office")));
		StaffCookies.clear(request, response, StaffCookies.LOGIN);
		StaffCookies.set(request, response, StaffCookies.SESSION, session.secret(), null);
		return "redirect:" + safeNext(next);
	}

	@PostMapping("/app/logout")
	@Requires(signedIn = true)
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		sessions.revoke(staff.sessionSecret());
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), "staff.signed_out", "staff_user",
				staff.user().id(), Map.of("from", request.getRemoteAddr())));
		StaffCookies.clear(request, response, StaffCookies.SESSION);
		Flash.put(request, response, Flash.success("You have signed out."));
		return "redirect:/app/login";
	}

	private String page(Model model, HttpServletRequest request, HttpServletResponse response, String email,
			String next, String error, Flash flash) {
		String token = StaffCookies.randomToken();
		StaffCookies.set(request, response, StaffCookies.LOGIN, token, Duration.ofHours(2));
		model.addAttribute("email", email);
		model.addAttribute("next", next);
		model.addAttribute("error", error);
		model.addAttribute("flash", flash);
		model.addAttribute("csrf", token);
		return "app/login";
	}

	/** Only a back office path may follow sign-in: no other host, no scheme, no backslash tricks. */
	static String safeNext(String next) {
		if (next == null || next.length() > 1000
				|| !(next.equals("/app") || next.startsWith("/app/") || next.startsWith("/app?"))
				|| next.startsWith("/app/login") || next.contains("//") || next.contains("\\") || next.contains("..")
				|| next.toLowerCase(java.util.Locale.ROOT).contains("%2e") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
			return "/app";
		}
		return next;
	}

	private static String minutes(long seconds) {
		long minutes = Math.max(1, (seconds + 59) / 60);
		return minutes == 1 ? "a minute" : minutes + " minutes";
	}
}
