package dev.loupe.backoffice.web;

import dev.loupe.backoffice.BackOfficeProperties;
import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The gate of every back office page but sign-in: a live staff session (else to the sign-in page, coming back
 * afterwards), the session's CSRF token on every request that changes something (else 403), and the permission the
 * handler declares with {@link Requires} (else the 403 page). A handler without {@code @Requires} is refused, so a
 * new page cannot be left open by forgetting it.
 */
@Component
class StaffInterceptor implements HandlerInterceptor {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final Sessions sessions;
	private final StaffAccounts accounts;
	private final BackOfficeProperties properties;

	StaffInterceptor(Sessions sessions, StaffAccounts accounts, BackOfficeProperties properties) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		response.setHeader("Cache-Control", "no-store");
		Optional<Staff> staff = staff(request);
		if (staff.isEmpty()) {
			if (StaffCookies.read(request, StaffCookies.SESSION) != null) {
				StaffCookies.clear(request, response, StaffCookies.SESSION);
			}
			String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
			String login = "/app/login" + (SAFE_METHODS.contains(request.getMethod()) && back.length() < 1000
					? "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8) : "");
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", login);
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader("Location", login);
			}
			return false;
		}
		request.setAttribute(Staff.ATTRIBUTE, staff.get());
		if (!SAFE_METHODS.contains(request.getMethod()) && !StaffCookies.carries(request, staff.get().csrfToken())) {
			throw new Forbidden("This form has expired or did not come from the back office. Go back, reload the page "
					+ "and try again.");
		}
		Requires requires = method.getMethodAnnotation(Requires.class);
		if (requires == null || (requires.value().length == 0 && !requires.signedIn())) {
			throw new Forbidden("This page is not open to any role.");
		}
		for (var permission : requires.value()) {
			if (!staff.get().can(permission)) {
				throw new Forbidden("Your role (" + staff.get().user().role().code() + ") does not allow this.");
			}
		}
		return true;
	}

	private Optional<Staff> staff(HttpServletRequest request) {
		String secret = StaffCookies.read(request, StaffCookies.SESSION);
		if (secret == null) {
			return Optional.empty();
		}
		Optional<Principal> principal = sessions.resolve(secret, properties.sessionIdleTimeout())
			.filter(p -> p.actorType() == Principal.ActorType.USER && p.registered());
		if (principal.isEmpty()) {
			return Optional.empty();
		}
		Optional<StaffUser> user = accounts.find(principal.get().actorId());
		return user.map(u -> new Staff(u, principal.get(), secret, StaffCookies.csrfToken(secret)));
	}
}
