package dev.loupe.platform.web;

import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and validates API query parameters the way clients send them: {@code id=a}, {@code id[]=a} and
 * qs-style {@code id[0]=a} all mean a list. Every malformed value is a 400 naming the parameter.
 */
public class QueryParameters {

	private static final int MAX_LIMIT = 1000;
	private static final int MAX_OFFSET = 10_000_000;
	private static final Pattern SAFE_VALUE = Pattern.compile("[^\\x00-\\x1f\\x7f]{0,500}");

	private final HttpServletRequest request;

	public QueryParameters(HttpServletRequest request) {
		this.request = request;
	}

	public int limit(int defaultLimit) {
		return number("limit", defaultLimit, 0, MAX_LIMIT);
	}

	public int offset() {
		return number("offset", 0, 0, MAX_OFFSET);
	}

	public String text(String name) {
		List<String> values = raw(name);
		if (values.size() > 1) {
			throw LoupeException.invalidData("Invalid request: '" + name + "' must be a single value");
		}
		return values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
	}

	public boolean flag(String name) {
		String value = text(name);
		if (value == null) {
			return false;
		}
		return switch (value) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw LoupeException.invalidData("Invalid request: '" + name + "' must be true or false");
		};
	}

	/** All values of a list parameter, in the order given; comma-separated values count as several. */
	public List<String> list(String name) {
		List<String> split = new ArrayList<>();
		for (String value : raw(name)) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					split.add(part.strip());
				}
			}
		}
		return split;
	}

	private List<String> raw(String name) {
		List<String> values = new ArrayList<>();
		Map<String, String[]> parameters = request.getParameterMap();
		String[] plain = parameters.get(name);
		if (plain != null) {
			values.addAll(List.of(plain));
		}
		String[] brackets = parameters.get(name + "[]");
		if (brackets != null) {
			values.addAll(List.of(brackets));
		}
		Map<Integer, String> indexed = new TreeMap<>();
		parameters.forEach((key, vals) -> {
			if (key.startsWith(name + "[") && key.endsWith("]") && key.length() > name.length() + 2) {
				String index = key.substring(name.length() + 1, key.length() - 1);
				if (index.matches("\\d{1,4}")) {
					indexed.put(Integer.parseInt(index), vals[0]);
				}
			}
		});
		values.addAll(indexed.values());
		for (String value : values) {
			if (!SAFE_VALUE.matcher(value).matches()) {
				throw LoupeException.invalidData("Invalid request: '" + name + "' holds a control character or is too long");
			}
		}
		return values;
	}

	private int number(String name, int fallback, int min, int max) {
		String value = text(name);
		if (value == null) {
			return fallback;
		}
		try {
			long n = Long.parseLong(value);
			if (n >= min && n <= max) {
				return (int) n;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw LoupeException.invalidData("Invalid request: '" + name + "' must be a whole number from " + min + " to " + max);
	}
}
