package dev.loupe.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request body (or form) as parsed JSON, read field by field with the checks every API needs: unknown fields are
 * refused, types are checked, text has no NUL characters and a bounded length, and every refusal is an
 * {@code invalid_data} error that names the field. A field that is absent and a field that is {@code null} are told
 * apart, so partial updates can clear a value.
 */
public final class Input {

	private static final int MAX_TEXT = 10_000;

	private final Map<String, Object> values;
	private final String path;

	private Input(Map<String, Object> values, String path) {
		this.values = values;
		this.path = path;
	}

	/** A body; {@code null} (no body) reads as an empty object. */
	public static Input of(Map<String, Object> values) {
		return new Input(values == null ? Map.of() : values, "");
	}

	/** Refuses fields other than these, naming them as Medusa does ("Unrecognized fields: 'x'"). */
	public Input allow(Set<String> names) {
		Set<String> unknown = new TreeSet<>(values.keySet());
		unknown.removeAll(names);
		if (!unknown.isEmpty()) {
			throw LoupeException.invalidData("Unrecognized fields: " + String.join(", ",
					unknown.stream().map(n -> "'" + path + clean(n) + "'").toList()));
		}
		return this;
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}

	/** Text, or null when absent or null; blank text is kept (callers decide whether it is allowed). */
	public String text(String name) {
		return text(name, MAX_TEXT);
	}

	public String text(String name, int maxLength) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String s)) {
			throw invalid(name, "must be a string");
		}
		if (s.indexOf('\0') >= 0) {
			throw invalid(name, "must not contain NUL characters");
		}
		if (s.length() > maxLength) {
			throw invalid(name, "must be at most " + maxLength + " characters");
		}
		return s;
	}

	/** Text that must be present and not blank; returned stripped. */
	public String requiredText(String name, int maxLength) {
		String s = text(name, maxLength);
		if (s == null || s.isBlank()) {
			throw invalid(name, "is required");
		}
		return s.strip();
	}

	public Boolean bool(String name) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Boolean b)) {
			throw invalid(name, "must be true or false");
		}
		return b;
	}

	/** An exact decimal; JSON numbers and numeric strings are accepted, never read through a double. */
	public BigDecimal decimal(String name) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		try {
			BigDecimal d = switch (value) {
				case BigDecimal b -> b;
				case Integer i -> BigDecimal.valueOf(i);
				case Long l -> BigDecimal.valueOf(l);
				case BigInteger b -> new BigDecimal(b);
				case String s when s.length() <= 40 -> new BigDecimal(s.strip());
				case Number n -> new BigDecimal(n.toString());
				default -> throw invalid(name, "must be a number");
			};
			if (d.precision() - d.scale() > 15 || d.scale() > 6) {
				throw invalid(name, "is out of range");
			}
			return d;
		}
		catch (NumberFormatException e) {
			throw invalid(name, "must be a number");
		}
	}

	/** A non-negative decimal. */
	public BigDecimal nonNegative(String name) {
		BigDecimal d = decimal(name);
		if (d != null && d.signum() < 0) {
			throw invalid(name, "must not be negative");
		}
		return d;
	}

	public Integer integer(String name, int min, int max) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
			throw invalid(name, "must be a whole number");
		}
		BigInteger n = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
		if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
			throw invalid(name, "must be between " + min + " and " + max);
		}
		return n.intValue();
	}

	/** An instant in ISO-8601 with an offset ({@code 2026-12-01T00:00:00Z}), or null when absent or null. */
	public java.time.Instant instant(String name) {
		String s = text(name, 40);
		if (s == null) {
			return null;
		}
		try {
			return java.time.OffsetDateTime.parse(s.strip()).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw invalid(name, "must be a date and time with an offset, such as 2026-12-01T00:00:00Z");
		}
	}

	/** A list of strings, or null when absent. */
	public List<String> texts(String name, int maxItems, int maxLength) {
		List<?> list = list(name, maxItems);
		if (list == null) {
			return null;
		}
		List<String> out = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			Object item = list.get(i);
			if (!(item instanceof String s) || s.indexOf('\0') >= 0 || s.length() > maxLength || s.isBlank()) {
				throw invalid(name + "[" + i + "]", "must be a non-empty string of at most " + maxLength + " characters");
			}
			out.add(s.strip());
		}
		return out;
	}

	/** A list of objects, or null when absent. */
	public List<Input> objects(String name, int maxItems) {
		List<?> list = list(name, maxItems);
		if (list == null) {
			return null;
		}
		List<Input> out = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			out.add(asObject(list.get(i), name + "[" + i + "]"));
		}
		return out;
	}

	/** The ids of a list of {@code {"id": …}} objects (Medusa's way to link records), or null when absent. */
	public List<String> ids(String name, int maxItems) {
		List<Input> objects = objects(name, maxItems);
		if (objects == null) {
			return null;
		}
		return objects.stream().map(o -> o.allow(Set.of("id")).requiredText("id", 100)).distinct().toList();
	}

	/** A nested object, or null when absent. */
	public Input object(String name) {
		Object value = values.get(name);
		return value == null ? null : asObject(value, name);
	}

	/**
	 * Free-form metadata: an object of at most 50 keys, kept as given. NUL characters are refused at any depth, as
	 * PostgreSQL's jsonb cannot store them.
	 */
	public Map<String, Object> metadata(String name) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw invalid(name, "must be an object");
		}
		if (map.size() > 50) {
			throw invalid(name, "must have at most 50 keys");
		}
		if (containsNul(map)) {
			throw invalid(name, "must not contain NUL characters");
		}
		Map<String, Object> out = new LinkedHashMap<>();
		map.forEach((k, v) -> out.put(k.toString(), v));
		return out;
	}

	private static boolean containsNul(Object value) {
		return switch (value) {
			case String s -> s.indexOf('\0') >= 0;
			case Map<?, ?> m -> m.entrySet().stream().anyMatch(e -> containsNul(e.getKey()) || containsNul(e.getValue()));
			case List<?> l -> l.stream().anyMatch(Input::containsNul);
			case null, default -> false;
		};
	}

	/** The value of a field as parsed, for handing part of a body on to another check. */
	public Object raw(String name) {
		return values.get(name);
	}

	/** This body without the named fields. */
	public Input without(Set<String> names) {
		Map<String, Object> rest = new LinkedHashMap<>(values);
		rest.keySet().removeAll(names);
		return new Input(rest, path);
	}

	/** This body with one field set (or replaced). */
	public Input with(String name, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(values);
		more.put(name, value);
		return new Input(more, path);
	}

	/** The fields as parsed, read-only. */
	public Map<String, Object> values() {
		return java.util.Collections.unmodifiableMap(values);
	}

	/** The names of the fields present. */
	public Set<String> names() {
		return values.keySet();
	}

	/** An {@code invalid_data} error about a field of this object. */
	public LoupeException invalid(String name, String problem) {
		return LoupeException.invalidData(path + clean(name) + " " + problem);
	}

	private List<?> list(String name, int maxItems) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list)) {
			throw invalid(name, "must be an array");
		}
		if (list.size() > maxItems) {
			throw invalid(name, "must have at most " + maxItems + " items");
		}
		return list;
	}

	@SuppressWarnings("unchecked")
	private Input asObject(Object value, String name) {
		if (!(value instanceof Map<?, ?> map)) {
			throw invalid(name, "must be an object");
		}
		return new Input((Map<String, Object>) map, path + clean(name) + ".");
	}

	private static String clean(String name) {
		String c = name.replaceAll("[\\p{Cntrl}'\"\\\\]", "?");
		return c.length() > 60 ? c.substring(0, 60) + "…" : c;
	}
}
