package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every Admin API route is documented: summary and description, its JSON body (exactly where the controller reads
 * one), paging parameters on lists, an answer schema and the {@code {type, message}} errors. The routes are found
 * in the controllers themselves, so a route added without documentation fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminOpenApiCompletenessTests {

	@LocalServerPort
	int port;

	@Test
	void everyRouteOfTheControllersIsDocumentedCompletely() throws Exception {
		JsonNode doc = document();
		Map<String, Boolean> routes = routes();
		assertThat(routes).hasSizeGreaterThan(60).containsEntry("post /admin/products", true)
			.containsEntry("post /admin/orders/{id}/returns/{rid}/receive", false);
		assertThat(OpenApiCompleteness.problems(doc, routes)).isEmpty();
	}

	@Test
	void theCheckNoticesEachKindOfGap() throws Exception {
		Map<String, Boolean> routes = routes();

		JsonNode noSummary = document();
		((ObjectNode) noSummary.path("paths").path("/admin/products").path("get")).remove("summary");
		assertThat(OpenApiCompleteness.problems(noSummary, routes)).containsExactly("get /admin/products: no summary");

		JsonNode noBody = document();
		((ObjectNode) noBody.path("paths").path("/admin/collections").path("post")).remove("requestBody");
		assertThat(OpenApiCompleteness.problems(noBody, routes))
			.containsExactly("post /admin/collections: reads a body the document does not describe");

		JsonNode bodyOnBodiless = document();
		((ObjectNode) bodyOnBodiless.path("paths").path("/admin/api-keys/{id}/revoke").path("post")).set("requestBody",
				bodyOnBodiless.path("paths").path("/admin/api-keys").path("post").path("requestBody"));
		assertThat(OpenApiCompleteness.problems(bodyOnBodiless, routes))
			.containsExactly("post /admin/api-keys/{id}/revoke: documents a body the route does not read");

		JsonNode noPaging = document();
		JsonNode parameters = noPaging.path("paths").path("/admin/customers").path("get").path("parameters");
		((tools.jackson.databind.node.ArrayNode) parameters).remove(0);
		assertThat(OpenApiCompleteness.problems(noPaging, routes))
			.containsExactly("get /admin/customers: a list without the limit parameter");

		JsonNode wrongExample = document();
		((ObjectNode) wrongExample.path("paths").path("/admin/product-tags").path("post").path("requestBody")
			.path("content").path("application/json").path("examples").path("example")).putObject("value").put("valeu", "x");
		assertThat(OpenApiCompleteness.problems(wrongExample, routes)).containsExactlyInAnyOrder(
				"post /admin/product-tags: example.value: required, missing",
				"post /admin/product-tags: example.valeu: not a field of the schema");

		JsonNode noError = document();
		((ObjectNode) noError.path("paths").path("/admin/promotions/{id}").path("get").path("responses")).remove("404");
		assertThat(OpenApiCompleteness.problems(noError, routes))
			.containsExactly("get /admin/promotions/{id}: 404 is not the {type, message} error");

		JsonNode undocumentedRoute = document();
		((ObjectNode) undocumentedRoute.path("paths")).remove("/admin/invites/{id}");
		assertThat(OpenApiCompleteness.problems(undocumentedRoute, routes))
			.containsExactly("delete /admin/invites/{id}: not in the document");
	}

	@Test
	void answersNameTheirResourceAndListsSayHowTheyPage() {
		JsonNode doc = document();
		JsonSchemaCheck schemas = new JsonSchemaCheck(doc);
		JsonNode list = schemas.resolve(doc.path("paths").path("/admin/products").path("get").path("responses").path("200")
			.path("content").path("application/json").path("schema"));
		assertThat(list.path("required").toString()).contains("products", "count", "offset", "limit");
		JsonNode limit = doc.path("paths").path("/admin/collections").path("get").path("parameters").get(0);
		assertThat(limit.path("name").asString()).isEqualTo("limit");
		assertThat(limit.path("schema").path("default").asInt()).isEqualTo(50);
		assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(1000);
		JsonNode create = doc.path("paths").path("/admin/products").path("post");
		assertThat(create.path("description").asString()).contains("`catalog:write`");
		JsonNode body = schemas.resolve(create.path("requestBody").path("content").path("application/json").path("schema"));
		assertThat(body.path("required").toString()).contains("title", "variants");
		assertThat(body.path("properties").path("title").path("maxLength").asInt()).isEqualTo(500);
		JsonNode error = doc.path("components").path("schemas").path("Error");
		assertThat(error.path("required").toString()).contains("type", "message");
		assertThat(error.path("properties").path("type").path("enum").toString()).contains("invalid_data", "not_found");
		assertThat(doc.path("paths").path("/admin/orders/{id}/returns").path("get").path("tags").get(0).asString())
			.isEqualTo("Returns");
	}

	private JsonNode document() {
		AdminApi.Answer answer = new AdminApi(port, null).get("/admin/openapi.json");
		assertThat(answer.status()).isEqualTo(200);
		return answer.body();
	}

	/** {@code "post /admin/products" -> true} for every mapped method of the Admin API's controllers. */
	static Map<String, Boolean> routes() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Map<String, Boolean> routes = new TreeMap<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("dev.loupe.adminapi")) {
			Class<?> controller = ClassUtils.forName(bean.getBeanClassName(), AdminOpenApiCompletenessTests.class.getClassLoader());
			for (Method method : controller.getDeclaredMethods()) {
				RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
				if (mapping == null) {
					continue;
				}
				boolean readsBody = Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(RequestBody.class))
						|| Arrays.stream(mapping.consumes()).anyMatch(c -> c.startsWith("multipart/"));
				for (String path : mapping.path()) {
					for (var verb : mapping.method()) {
						routes.put(verb.name().toLowerCase(java.util.Locale.ROOT) + " " + path, readsBody);
					}
				}
			}
		}
		return routes;
	}
}
