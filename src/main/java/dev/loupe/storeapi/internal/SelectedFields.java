package dev.loupe.storeapi.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Medusa's {@code fields} parameter for the small resources (customers, addresses), applied to a rendered object: a
 * bare list keeps only the fields it names (and {@code id}), {@code -x} removes a field, {@code +x} and {@code *x} add
 * one (all are shown by default, so this matters only next to a bare list). A path ({@code addresses.city}) selects
 * its relation whole. Names the resource does not have are ignored rather than refused: storefronts ask for relations
 * Loupe does not serve yet ({@code *orders}), and their pages should still work.
 */
final class SelectedFields {

	private SelectedFields() {
	}

	static Map<String, Object> apply(Map<String, Object> full, String fields) {
		if (fields == null || fields.isBlank()) {
			return full;
		}
		Set<String> bare = new HashSet<>();
		Set<String> added = new HashSet<>();
		Set<String> removed = new HashSet<>();
		for (String part : fields.split(",")) {
			String field = part.strip();
			if (field.startsWith("-")) {
				removed.add(top(field.substring(1)));
			}
			else if (field.startsWith("+") || field.startsWith("*")) {
				added.add(top(field));
			}
			else if (!field.isEmpty()) {
				bare.add(top(field));
			}
		}
		Map<String, Object> selected = new LinkedHashMap<>();
		full.forEach((name, value) -> {
			boolean shown = bare.isEmpty() || name.equals("id") || bare.contains(name) || added.contains(name);
			if (shown && !removed.contains(name)) {
				selected.put(name, value);
			}
		});
		return selected;
	}

	/** The top-level field a selection refers to: {@code +*addresses.city} → {@code addresses}. */
	private static String top(String field) {
		String name = field.replaceFirst("^[+*]+", "");
		int dot = name.indexOf('.');
		return dot < 0 ? name : name.substring(0, dot);
	}
}
