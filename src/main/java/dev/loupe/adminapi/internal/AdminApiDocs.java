package dev.loupe.adminapi.internal;

import dev.loupe.identity.Permission;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link AdminApiOperations} into the document springdoc generated from the controllers: summary,
 * description with the permission the route needs ({@link AdminPermissions}), query parameters, the JSON body with
 * its example, the answer and the {@code {type, message}} errors (ADR 025).
 */
final class AdminApiDocs {

	/** Where keys of {@link AdminApiOperations} that match no route are listed, so that a test notices them. */
	static final String UNMATCHED = "x-loupe-unmatched-operations";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String JSON_TYPE = "application/json";
	private static final Map<String, String> COMMON_ERRORS = Map.of(
			"400", "Invalid request: a malformed body or parameter, an unknown field (`invalid_data`, `not_allowed`).",
			"401", "No credential, or an unknown, expired or revoked one (`unauthorized`).",
			"403", "The role of the member of staff, or the scopes of the key, do not allow this (`forbidden`).",
			"404", "An id in the path names nothing (`not_found`).");

	private AdminApiDocs() {
	}

	static void apply(OpenAPI openApi, List<ApiOperation> operations) {
		for (Map.Entry<String, Schema<?>> schema : AdminApiSchemas.components().entrySet()) {
			openApi.getComponents().addSchemas(schema.getKey(), schema.getValue());
		}
		COMMON_ERRORS.forEach((status, text) -> openApi.getComponents().addResponses(errorName(status), error(text)));
		Map<String, ApiOperation> byKey = operations.stream()
			.collect(Collectors.toMap(ApiOperation::key, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Documented twice: " + a.key());
			}, HashMap::new));
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> describe(path, method, operation, byKey.remove(method.name() + " " + path))));
		}
		if (!byKey.isEmpty()) {
			openApi.getInfo().addExtension(UNMATCHED, new TreeSet<>(byKey.keySet()));
		}
	}

	private static void describe(String path, PathItem.HttpMethod method, Operation operation, ApiOperation doc) {
		boolean signIn = path.startsWith("/auth/");
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		if (doc != null) {
			operation.setSummary(doc.summary);
			operation.setOperationId(operationId(doc.summary));
			operation.setDescription(description(method, path, doc, signIn));
			List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
					: new ArrayList<>(operation.getParameters());
			for (Parameter p : doc.query) {
				parameters.removeIf(existing -> existing.getName().equals(p.getName()) && existing.getIn().equals(p.getIn()));
				parameters.add(p);
			}
			operation.setParameters(parameters.isEmpty() ? null : parameters);
			if (doc.body != null) {
				Example example = new Example().summary("A typical request").value(parse(doc.bodyExample));
				operation.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON_TYPE,
						new MediaType().schema(doc.body).examples(Map.of("example", example)))));
			}
			else if (operation.getRequestBody() != null && !isMultipart(operation)) {
				operation.setRequestBody(null);
			}
			if (doc.answer != null) {
				responses.put(String.valueOf(doc.answerStatus), new ApiResponse().description("OK")
					.content(new Content().addMediaType(JSON_TYPE, new MediaType().schema(doc.answer))));
			}
			doc.errors.forEach((status, meaning) -> responses.put(String.valueOf(status), error(meaning)));
		}
		List<String> common = new ArrayList<>(List.of("400"));
		if (!signIn) {
			common.addAll(List.of("401", "403"));
		}
		if (path.contains("{")) {
			common.add("404");
		}
		for (String status : common) {
			responses.putIfAbsent(status, new ApiResponse().$ref("#/components/responses/" + errorName(status)));
		}
		operation.setResponses(sorted(responses));
	}

	private static String description(PathItem.HttpMethod method, String path, ApiOperation doc, boolean signIn) {
		StringBuilder text = new StringBuilder(doc.description);
		if (doc.unpaged != null) {
			text.append("\n\nAnswers the whole list (no `limit`/`offset`): ").append(doc.unpaged).append('.');
		}
		if (signIn) {
			text.append("\n\nNeeds no credential.");
		}
		else {
			Optional<Permission> permission = AdminPermissions.required(method.name(), path.replaceAll("\\{[^}]+}", "x"));
			text.append("\n\nNeeds ").append(permission.map(p -> "the `" + p.code() + "` permission (or an admin)")
				.orElse("an admin")).append('.');
		}
		return text.toString();
	}

	/** "List an order's returns" becomes {@code listOrdersReturns}: stable names for clients and links to the page. */
	static String operationId(String summary) {
		StringBuilder id = new StringBuilder();
		for (String word : summary.replace("'s", "s").split("[^A-Za-z0-9]+")) {
			if (word.isEmpty() || List.of("a", "an", "the").contains(word.toLowerCase(java.util.Locale.ROOT))) {
				continue;
			}
			id.append(id.isEmpty() ? word.toLowerCase(java.util.Locale.ROOT)
					: Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return id.toString();
	}

	private static boolean isMultipart(Operation operation) {
		return operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey("multipart/form-data");
	}

	private static ApiResponse error(String meaning) {
		return new ApiResponse().description(meaning).content(new Content().addMediaType(JSON_TYPE,
				new MediaType().schema(ApiSchemas.ref("Error"))));
	}

	private static String errorName(String status) {
		return switch (status) {
			case "400" -> "InvalidRequest";
			case "401" -> "Unauthorized";
			case "403" -> "Forbidden";
			default -> "NotFound";
		};
	}

	private static ApiResponses sorted(ApiResponses responses) {
		Map<String, ApiResponse> ordered = new LinkedHashMap<>();
		responses.keySet().stream().sorted().forEach(k -> ordered.put(k, responses.get(k)));
		ApiResponses out = new ApiResponses();
		out.putAll(ordered);
		return out;
	}

	private static Object parse(String example) {
		return example == null ? null : JSON.readValue(example, Object.class);
	}
}
