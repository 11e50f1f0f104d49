package dev.loupe.backoffice.web;

/** A back office request the staff may not make (role or CSRF token); answered with the 403 page. */
class Forbidden extends RuntimeException {

	Forbidden(String message) {
		super(message);
	}
}
