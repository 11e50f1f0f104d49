package dev.loupe.adminapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a complete Admin API document has, checked operation by operation: a summary, a JSON body where the route
 * reads one (and none where it does not), {@code limit}/{@code offset} on lists that page, an answer schema, and
 * {@code {type, message}} errors. Answers the problems found, one line each.
 */
final class OpenApiCompleteness {

	private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");
	private static final Set<String> WRITES = Set.of("post", "put", "patch");

	private OpenApiCompleteness() {
	}

	/**
	 * @param doc the document
	 * @param routes every route of the controllers, {@code "post /admin/products"}, with whether it reads a body
	 */
	static List<String> problems(JsonNode doc, Map<String, Boolean> routes) {
		List<String> problems = new ArrayList<>();
		JsonSchemaCheck schemas = new JsonSchemaCheck(doc);
		if (doc.path("info").has("x-loupe-unmatched-operations")) {
			problems.add("documented operations that match no route: " + doc.path("info").path("x-loupe-unmatched-operations"));
		}
		routes.forEach((route, readsBody) -> {
			String[] parts = route.split(" ", 2);
			JsonNode operation = doc.path("paths").path(parts[1]).path(parts[0]);
			if (operation.isMissingNode()) {
				problems.add(route + ": not in the document");
			}
			else if (WRITES.contains(parts[0]) && readsBody != operation.has("requestBody")) {
				problems.add(route + (readsBody ? ": reads a body the document does not describe"
						: ": documents a body the route does not read"));
			}
		});
		Set<String> operationIds = new java.util.HashSet<>();
		for (String path : doc.path("paths").propertyNames()) {
			for (String verb : doc.path("paths").path(path).propertyNames()) {
				if (VERBS.contains(verb)) {
					JsonNode operation = doc.path("paths").path(path).path(verb);
					check(verb + " " + path, operation, schemas, problems);
					if (!operationIds.add(operation.path("operationId").asString(""))) {
						problems.add(verb + " " + path + ": operationId '" + operation.path("operationId").asString("")
								+ "' is not unique");
					}
				}
			}
		}
		return problems;
	}

	private static void check(String name, JsonNode operation, JsonSchemaCheck schemas, List<String> problems) {
		if (operation.path("summary").asString("").isBlank()) {
			problems.add(name + ": no summary");
		}
		if (operation.path("description").asString("").isBlank()) {
			problems.add(name + ": no description");
		}
		JsonNode body = operation.path("requestBody").path("content");
		if (body.has("application/json")) {
			JsonNode media = body.path("application/json");
			JsonNode schema = schemas.resolve(media.path("schema"));
			if (!schema.path("properties").isObject()) {
				problems.add(name + ": the body schema names no fields");
			}
			JsonNode example = media.path("examples").path("example").path("value");
			if (example.isMissingNode()) {
				problems.add(name + ": the body has no example");
			}
			else {
				schemas.check(media.path("schema"), example, "example").forEach(p -> problems.add(name + ": " + p));
			}
		}
		JsonNode ok = schemas.resolveResponse(operation.path("responses").path("200"));
		JsonNode answer = schemas.resolve(ok.path("content").path("application/json").path("schema"));
		if (!answer.path("properties").isObject() && !answer.has("$ref")) {
			problems.add(name + ": the 200 answer has no schema");
		}
		if (name.startsWith("get ") && answer.path("properties").has("count") && answer.path("properties").has("limit")) {
			boolean unpaged = operation.path("description").asString("").contains("Answers the whole list");
			for (String paging : List.of("limit", "offset")) {
				JsonNode parameter = parameter(operation, paging);
				if (parameter == null && !unpaged) {
					problems.add(name + ": a list without the " + paging + " parameter");
				}
				else if (parameter != null && (!parameter.path("schema").path("type").toString().contains("integer")
						|| parameter.path("schema").path("minimum").asInt(-1) != 0
						|| !parameter.path("schema").has("default"))) {
					problems.add(name + ": " + paging + " is not an integer from 0 with a default");
				}
			}
			if (parameter(operation, "limit") != null && !parameter(operation, "limit").path("schema").has("maximum")) {
				problems.add(name + ": limit has no maximum");
			}
		}
		List<String> errors = new ArrayList<>(List.of("400"));
		if (!name.contains(" /auth/")) {
			errors.addAll(List.of("401", "403"));
		}
		if (name.contains("{")) {
			errors.add("404");
		}
		for (String status : errors) {
			JsonNode error = schemas.resolveResponse(operation.path("responses").path(status));
			String ref = error.path("content").path("application/json").path("schema").path("$ref").asString("");
			if (!ref.equals("#/components/schemas/Error")) {
				problems.add(name + ": " + status + " is not the {type, message} error");
			}
		}
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode p : operation.path("parameters")) {
			if (p.path("name").asString().equals(name) && p.path("in").asString().equals("query")) {
				return p;
			}
		}
		return null;
	}
}
