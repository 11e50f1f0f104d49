package dev.loupe.adminapi.internal;

import dev.loupe.audit.Actor;
import dev.loupe.platform.Input;
import dev.loupe.platform.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Admin API bodies (through {@link JsonBodies}) and the authenticated actor of a request. */
@Component
class AdminRequest {

	private final JsonBodies bodies;

	AdminRequest(JsonBodies bodies) {
		this.bodies = bodies;
	}

	Input body(byte[] body, HttpServletRequest request) {
		return bodies.read(body, request);
	}

	static Actor actor(HttpServletRequest request) {
		return (Actor) request.getAttribute(AdminAuthFilter.ACTOR);
	}
}
