package dev.loupe.backoffice.web;

import dev.loupe.identity.Permission;
import dev.loupe.identity.Principal;
import dev.loupe.identity.StaffUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in member of staff of a back office request, with the session's CSRF token (put on the request by
 * {@link StaffInterceptor}).
 */
public record Staff(StaffUser user, Principal principal, String sessionSecret, String csrfToken) {

	static final String ATTRIBUTE = Staff.class.getName();

	static Staff of(HttpServletRequest request) {
		Staff staff = (Staff) request.getAttribute(ATTRIBUTE);
		if (staff == null) {
			throw new IllegalStateException("No staff session on " + request.getRequestURI());
		}
		return staff;
	}

	public boolean can(Permission permission) {
		return user.role().can(permission);
	}

	/** How the audit log and order history name this member of staff. */
	String actor() {
		return user.email();
	}

	public String displayName() {
		String name = ((user.firstName() == null ? "" : user.firstName()) + " "
				+ (user.lastName() == null ? "" : user.lastName())).strip();
		return name.isEmpty() ? user.email() : name;
	}

	public String initials() {
		String name = displayName();
		StringBuilder initials = new StringBuilder();
		for (String part : name.split("[\\s@.]+")) {
			if (!part.isEmpty() && initials.length() < 2) {
				initials.append(Character.toUpperCase(part.charAt(0)));
			}
		}
		return initials.toString();
	}
}
