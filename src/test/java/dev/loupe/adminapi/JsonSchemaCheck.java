package dev.loupe.adminapi;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of the Admin API document: the part of JSON Schema the document uses
 * ({@code $ref}, {@code type} as a name or a list, {@code required}, {@code properties}, {@code
 * additionalProperties: false}, {@code items}, {@code enum}, {@code maxLength}, {@code minimum}, {@code maximum},
 * {@code minItems}, {@code maxItems}). Answers the mismatches, each with its JSON path.
 */
final class JsonSchemaCheck {

	private final JsonNode doc;

	JsonSchemaCheck(JsonNode doc) {
		this.doc = doc;
	}

	JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int i = 0; i < 10 && s.has("$ref"); i++) {
			s = pointer(s.path("$ref").asString());
		}
		return s;
	}

	JsonNode resolveResponse(JsonNode response) {
		return response.has("$ref") ? pointer(response.path("$ref").asString()) : response;
	}

	List<String> check(JsonNode schema, JsonNode value, String path) {
		List<String> problems = new ArrayList<>();
		check(resolve(schema), value, path, problems);
		return problems;
	}

	private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
		schema = resolve(schema);
		if (schema.isMissingNode()) {
			problems.add(path + ": no schema");
			return;
		}
		JsonNode type = schema.path("type");
		if (!type.isMissingNode()) {
			List<String> types = new ArrayList<>();
			if (type.isArray()) {
				type.forEach(t -> types.add(t.asString()));
			}
			else {
				types.add(type.asString());
			}
			if (types.stream().noneMatch(t -> matches(t, value))) {
				problems.add(path + ": " + kind(value) + " where the document says " + types);
				return;
			}
		}
		if (schema.has("enum") && !value.isNull()) {
			boolean listed = false;
			for (JsonNode allowed : schema.path("enum")) {
				listed |= allowed.equals(value);
			}
			if (!listed) {
				problems.add(path + ": " + value + " is not one of " + schema.path("enum"));
			}
		}
		if (value.isString() && schema.has("maxLength") && value.asString().length() > schema.path("maxLength").asInt()) {
			problems.add(path + ": longer than " + schema.path("maxLength"));
		}
		if (value.isNumber()) {
			if (schema.has("minimum") && value.decimalValue().compareTo(schema.path("minimum").decimalValue()) < 0) {
				problems.add(path + ": below " + schema.path("minimum"));
			}
			if (schema.has("maximum") && value.decimalValue().compareTo(schema.path("maximum").decimalValue()) > 0) {
				problems.add(path + ": above " + schema.path("maximum"));
			}
		}
		if (value.isObject()) {
			for (JsonNode required : schema.path("required")) {
				if (!value.has(required.asString())) {
					problems.add(path + "." + required.asString() + ": required, missing");
				}
			}
			JsonNode properties = schema.path("properties");
			for (String name : value.propertyNames()) {
				if (properties.has(name)) {
					check(properties.path(name), value.path(name), path + "." + name, problems);
				}
				else if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
					problems.add(path + "." + name + ": not a field of the schema");
				}
			}
		}
		if (value.isArray()) {
			if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
				problems.add(path + ": fewer than " + schema.path("minItems") + " items");
			}
			if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
				problems.add(path + ": more than " + schema.path("maxItems") + " items");
			}
			if (schema.has("items")) {
				for (int i = 0; i < value.size(); i++) {
					check(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
				}
			}
		}
	}

	private static boolean matches(String type, JsonNode value) {
		return switch (type) {
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "null" -> value.isNull();
			default -> false;
		};
	}

	private static String kind(JsonNode value) {
		return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
	}

	private JsonNode pointer(String ref) {
		if (!ref.startsWith("#/")) {
			throw new IllegalArgumentException("not a local reference: " + ref);
		}
		JsonNode node = doc;
		for (String part : ref.substring(2).split("/")) {
			node = node.path(part);
		}
		return node;
	}
}
