package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the catalogue's forms share: bounded, NUL-free parameters, well-formed ids and audit entries with the address. */
final class Forms {

	private Forms() {
	}

	static String param(Map<String, String> params, String name, int max) {
		String value = params.getOrDefault(name, "").strip();
		if (value.length() > max || value.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The field " + name.replace('_', ' ') + " is too long or malformed.");
		}
		return value;
	}

	static String checkedId(String id, String what) {
		if (id.length() > 60 || !id.matches("[A-Za-z0-9_]+")) {
			throw LoupeException.notFound(what, "(malformed)");
		}
		return id;
	}

	static void record(AuditLog audit, Staff staff, HttpServletRequest request, String action, String type, String id,
			Map<String, Object> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("from", request.getRemoteAddr());
		audit.record(Actor.staff(staff.user().id()), action, type, id, all);
	}
}
