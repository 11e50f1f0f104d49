package dev.loupe.storefront.web;

import java.util.Map;

/** A small form page (sign in, register, password reset, order lookup): the values typed and what was wrong. */
public record FormPage(Frame frame, Map<String, String> values, Map<String, String> errors, String error,
		String message, String next) {

	public String value(String name) {
		return values.get(name);
	}

	public String errorOf(String name) {
		return errors.get(name);
	}
}
