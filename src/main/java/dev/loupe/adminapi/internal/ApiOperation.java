package dev.loupe.adminapi.internal;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one Admin API operation is documented: the routes read raw JSON into {@code platform.Input}, so springdoc
 * cannot see their query parameters, bodies or answers; {@link AdminApiDocs} writes these into the document (ADR 025).
 * Written as {@code op("POST /admin/products", "Create a product", "…").body(…).answers(…)}.
 */
final class ApiOperation {

	final String method;
	final String path;
	final String summary;
	final String description;
	final List<Parameter> query = new ArrayList<>();
	/** Errors beyond the ones every operation can answer (400, 401, 403; 404 with a path id), with their meaning. */
	final Map<Integer, String> errors = new LinkedHashMap<>();
	Schema<?> body;
	String bodyExample;
	Schema<?> answer;
	int answerStatus = 200;
	/** Why a list answers every item at once instead of taking {@code limit}/{@code offset}. */
	String unpaged;

	private ApiOperation(String key, String summary, String description) {
		String[] parts = key.split(" ", 2);
		this.method = parts[0];
		this.path = parts[1];
		this.summary = summary;
		this.description = description;
	}

	static ApiOperation op(String key, String summary, String description) {
		return new ApiOperation(key, summary, description);
	}

	String key() {
		return method + " " + path;
	}

	/** {@code limit} (default as the route, at most 1000) and {@code offset} (from 0), as {@code QueryParameters} reads them. */
	ApiOperation page(int defaultLimit) {
		query.add(new Parameter().in("query").name("limit").description("How many items to answer, 0 to 1000.")
			.schema(withDefault(ApiSchemas.integer(0, 1000), defaultLimit)));
		query.add(new Parameter().in("query").name("offset").description("How many items to skip, from 0.")
			.schema(withDefault(ApiSchemas.integer(0, 10_000_000), 0)));
		return this;
	}

	/** A list answered whole: the reason shows in the document and the completeness test accepts it. */
	ApiOperation unpaged(String why) {
		this.unpaged = why;
		return this;
	}

	/** A text query parameter: one value of at most 500 characters without control characters. */
	ApiOperation query(String name, String description) {
		query.add(new Parameter().in("query").name(name).description(description).schema(ApiSchemas.text(500)));
		return this;
	}

	/** A list query parameter: {@code name=a,b}, {@code name[]=a} or {@code name[0]=a}. */
	ApiOperation queryList(String name, String description, String... allowed) {
		Schema<?> item = allowed.length == 0 ? ApiSchemas.text(500) : ApiSchemas.oneOf(allowed);
		query.add(new Parameter().in("query").name(name).description(description + " Several values: `" + name
				+ "=a,b` or `" + name + "[]=a&" + name + "[]=b`.").schema(ApiSchemas.array(item, 0)).explode(true));
		return this;
	}

	ApiOperation header(String name, String description) {
		query.add(new Parameter().in("header").name(name).description(description).schema(ApiSchemas.text(200)));
		return this;
	}

	/** The JSON body and an example the route accepts as it is (the tests send it). */
	ApiOperation body(Schema<?> schema, String example) {
		this.body = schema;
		this.bodyExample = example;
		return this;
	}

	ApiOperation answers(Schema<?> schema) {
		this.answer = schema;
		return this;
	}

	private static io.swagger.v3.oas.models.media.Schema<?> withDefault(io.swagger.v3.oas.models.media.Schema<?> schema,
			Object value) {
		schema.setDefault(value);
		return schema;
	}

	ApiOperation fails(int status, String meaning) {
		errors.put(status, meaning);
		return this;
	}
}
