package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The Admin API's OpenAPI document and its Swagger UI page: public, complete for the Admin API, nothing else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminOpenApiTests {

	private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

	@LocalServerPort
	int port;

	@Test
	void theDocumentIsPublicValidOpenApi3AndListsTheAdminRoutes() {
		Answer answer = new AdminApi(port, null).get("/admin/openapi.json");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode doc = answer.body();
		assertThat(doc.path("openapi").asString()).matches("3\\.\\d+\\.\\d+");
		assertThat(doc.path("info").path("title").asString()).isEqualTo("Loupe Admin API");
		assertThat(doc.path("info").path("version").asString()).isNotBlank();

		JsonNode paths = doc.path("paths");
		assertThat(paths.propertyNames()).contains("/admin/products", "/admin/products/{id}", "/admin/promotions",
				"/admin/orders/{id}/fulfillments", "/admin/orders/{id}/returns", "/admin/api-keys", "/auth/user/emailpass");
		assertThat(paths.path("/admin/products").has("get")).isTrue();
		assertThat(paths.path("/admin/products").has("post")).isTrue();
		assertThat(paths.path("/admin/orders/{id}/fulfillments").has("post")).isTrue();
		assertThat(paths.path("/admin/orders/{id}/returns").has("post")).isTrue();
		// Only the Admin API: no Store API, storefront, back office or provider webhooks, nor the document itself.
		assertThat(paths.propertyNames()).allMatch(p -> p.startsWith("/admin/") || p.startsWith("/auth/user/"));
		assertThat(answer.raw()).doesNotContain("\"/store/", "\"/app/", "\"/webhooks/", "/admin/openapi.json");

		// Structurally valid: every operation answers something and is tagged, every path parameter is declared,
		// every reference resolves.
		List<String> operations = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.path(path);
			for (String verb : item.propertyNames()) {
				if (!VERBS.contains(verb)) {
					continue;
				}
				JsonNode operation = item.path(verb);
				operations.add(verb + " " + path);
				assertThat(operation.path("responses").isObject() && !operation.path("responses").isEmpty())
					.as(verb + " " + path + " responses").isTrue();
				assertThat(operation.path("tags").isArray() && !operation.path("tags").isEmpty()).as(verb + " " + path + " tags")
					.isTrue();
				Matcher placeholders = Pattern.compile("\\{([^}]+)}").matcher(path);
				while (placeholders.find()) {
					String name = placeholders.group(1);
					boolean declared = false;
					for (JsonNode parameter : operation.path("parameters")) {
						declared |= parameter.path("in").asString().equals("path") && parameter.path("name").asString().equals(name)
								&& parameter.path("required").asBoolean();
					}
					assertThat(declared).as(verb + " " + path + " declares {" + name + "}").isTrue();
				}
			}
		}
		assertThat(operations).hasSizeGreaterThan(40);
		Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"").matcher(answer.raw());
		while (refs.find()) {
			assertThat(doc.path("components").path("schemas").has(refs.group(1))).as("schema " + refs.group(1)).isTrue();
		}
	}

	@Test
	void theDocumentNamesBothCredentialsAndTheSignInNeedsNone() {
		JsonNode doc = new AdminApi(port, null).get("/admin/openapi.json").body();
		JsonNode schemes = doc.path("components").path("securitySchemes");
		assertThat(schemes.path("secretApiKey").path("type").asString()).isEqualTo("http");
		assertThat(schemes.path("secretApiKey").path("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.path("secretApiKey").path("description").asString()).contains("sk_");
		assertThat(schemes.path("staffToken").path("type").asString()).isEqualTo("http");
		assertThat(schemes.path("staffToken").path("scheme").asString()).isEqualTo("bearer");
		List<String> required = new ArrayList<>();
		doc.path("security").forEach(requirement -> required.addAll(requirement.propertyNames()));
		assertThat(required).containsExactlyInAnyOrder("secretApiKey", "staffToken");
		// Signing in needs no credential: an empty requirement list on the operation overrides the global one.
		JsonNode signIn = doc.path("paths").path("/auth/user/emailpass").path("post");
		assertThat(signIn.path("security").isArray() && signIn.path("security").isEmpty()).isTrue();
		assertThat(signIn.path("tags").get(0).asString()).isEqualTo("Staff authentication");
		assertThat(doc.path("paths").path("/admin/products").path("get").path("tags").get(0).asString()).isEqualTo("Products");
	}

	@Test
	void theDocsPageIsPublicHtmlThatLoadsTheDocument() throws Exception {
		HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/docs"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("swagger-ui");
		// The page's scripts and its configuration, which points at the document, are public as well.
		URI base = page.uri();
		for (String asset : List.of("swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css")) {
			HttpResponse<String> loaded = browser.send(HttpRequest.newBuilder(base.resolve(asset)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(loaded.statusCode()).as(asset).isEqualTo(200);
		}
		Answer config = new AdminApi(port, null).get("/admin/openapi.json/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body().path("url").asString()).isEqualTo("/admin/openapi.json");
	}

	@Test
	void onlyReadingTheDocumentationIsPublic() {
		AdminApi anonymous = new AdminApi(port, null);
		assertThat(anonymous.post("/admin/openapi.json", "{}").status()).isEqualTo(401);
		assertThat(anonymous.delete("/admin/docs").status()).isEqualTo(401);
		assertThat(anonymous.get("/admin/openapi.jsonx").status()).isEqualTo(401);
		assertThat(anonymous.get("/admin/docs/../products").status()).isIn(400, 401);
		assertThat(anonymous.get("/admin/products").status()).isEqualTo(401);
	}
}
