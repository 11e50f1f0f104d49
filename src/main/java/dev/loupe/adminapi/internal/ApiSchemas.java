package dev.loupe.adminapi.internal;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small JSON Schema (OpenAPI 3.1) builders for the Admin API document, so that a body reads like the checks of the
 * code that parses it: {@code obj().req("title", text(500)).opt("handle", handle())}. Limits are the ones the
 * parsing code enforces ({@code Input.text(name, max)} and friends).
 */
final class ApiSchemas {

	static final String REFS = "#/components/schemas/";

	private ApiSchemas() {
	}

	static Schema<?> typed(String... types) {
		Schema<?> s = new JsonSchema().specVersion(SpecVersion.V31);
		s.setTypes(new LinkedHashSet<>(List.of(types)));
		return s;
	}

	static Schema<?> text(int maxLength) {
		return typed("string").maxLength(maxLength);
	}

	static Schema<?> nullableText(int maxLength) {
		return typed("string", "null").maxLength(maxLength);
	}

	static Schema<?> id(String prefix) {
		return typed("string").maxLength(100).description("An id, `" + prefix + "_…`.");
	}

	static Schema<?> time() {
		return typed("string", "null").format("date-time");
	}

	static Schema<?> bool() {
		return typed("boolean");
	}

	static Schema<?> integer(int min, int max) {
		return typed("integer").minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
	}

	/** An exact decimal amount in the currency's main unit (e.g. 49.90 euros), never a float in cents. */
	static Schema<?> amount() {
		return typed("number").minimum(BigDecimal.ZERO).description("In the currency's main unit, at most its decimals.");
	}

	/** A weight (grams) or a dimension (millimetres). */
	static Schema<?> measure() {
		return typed("number").minimum(BigDecimal.ZERO);
	}

	static Schema<?> currency() {
		return typed("string").minLength(3).maxLength(3).description("ISO 4217 code, e.g. `eur`.");
	}

	static Schema<?> oneOf(String... values) {
		Schema<?> s = typed("string");
		s.setEnum(castList(List.of(values)));
		return s;
	}

	static Schema<?> array(Schema<?> items, int maxItems) {
		Schema<?> s = typed("array").items(items);
		return maxItems > 0 ? s.maxItems(maxItems) : s;
	}

	/** Free-form JSON (metadata, provider data). */
	static Schema<?> metadata() {
		return typed("object", "null").description("Free-form JSON object.");
	}

	static Schema<?> ref(String component) {
		return new JsonSchema().specVersion(SpecVersion.V31).$ref(REFS + component);
	}

	static Obj obj() {
		return new Obj();
	}

	/** {@code {name: <component>}}, the answer for one resource. */
	static Schema<?> wrap(String name, String component) {
		return obj().req(name, ref(component)).schema();
	}

	/** {@code {name: [<component>], count, offset, limit}}, the answer of a list. */
	static Schema<?> list(String name, String component) {
		return obj().req(name, array(ref(component), 0))
			.req("count", typed("integer").description("Items matching, over all pages."))
			.req("offset", typed("integer"))
			.req("limit", typed("integer"))
			.schema();
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> castList(List<?> list) {
		return (List<T>) new ArrayList<>(list);
	}

	/** An object schema with its required and optional properties, unknown ones refused as the routes do. */
	static final class Obj {

		private final Map<String, Schema> properties = new LinkedHashMap<>();
		private final Set<String> required = new LinkedHashSet<>();
		private boolean open = true;
		private String description;

		Obj req(String name, Schema<?> schema) {
			properties.put(name, schema);
			required.add(name);
			return this;
		}

		Obj opt(String name, Schema<?> schema) {
			properties.put(name, schema);
			return this;
		}

		/** The parsing code refuses fields it does not know ({@code Input.allow}). */
		Obj closed() {
			open = false;
			return this;
		}

		Obj describe(String text) {
			description = text;
			return this;
		}

		Schema<?> schema() {
			Schema<?> s = typed("object");
			s.setProperties(new LinkedHashMap<>(properties));
			if (!required.isEmpty()) {
				s.setRequired(new ArrayList<>(required));
			}
			if (!open) {
				s.setAdditionalProperties(false);
			}
			return description == null ? s : s.description(description);
		}

		/** The same fields, none required: the update of a resource changes only the fields sent. */
		Schema<?> partial() {
			Schema<?> s = typed("object");
			s.setProperties(new LinkedHashMap<>(properties));
			if (!open) {
				s.setAdditionalProperties(false);
			}
			return s.description("Only the fields sent change; `null` clears a field that may be empty.");
		}
	}
}
