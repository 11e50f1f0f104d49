package dev.loupe.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Server-rendered pages (storefront and back office) with jte. Templates live in {@code src/main/jte} and are compiled
 * to Java classes by jte-maven-plugin at build time, so nothing is compiled at runtime and a template error fails the
 * build. A controller returns a view name such as {@code "storefront/product"}; the model's attributes are the
 * template's {@code @param}s by name. Pages are rendered into a byte buffer first (static parts are pre-encoded UTF-8),
 * so a failing template produces an error page, never half a page, and the response carries its length.
 */
@Configuration(proxyBeanMethods = false)
public class JteViews {

	public static final String HTML = "text/html;charset=UTF-8";

	@Bean
	TemplateEngine jteTemplateEngine() {
		TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
		engine.setBinaryStaticContent(true);
		return engine;
	}

	@Bean
	ViewResolver jteViewResolver(TemplateEngine engine) {
		return new JteViewResolver(engine);
	}

	static final class JteViewResolver implements ViewResolver, Ordered {

		private final TemplateEngine engine;

		JteViewResolver(TemplateEngine engine) {
			this.engine = engine;
		}

		@Override
		public View resolveViewName(String viewName, Locale locale) {
			if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
				return null;
			}
			String template = viewName + ".jte";
			return engine.hasTemplate(template) ? new JteView(engine, template) : null;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE + 10;
		}
	}

	record JteView(TemplateEngine engine, String template) implements View {

		@Override
		public String getContentType() {
			return HTML;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Utf8ByteOutput output = new Utf8ByteOutput();
			@SuppressWarnings("unchecked")
			Map<String, Object> params = (Map<String, Object>) (model == null ? Map.of() : model);
			engine.render(template, params, output);
			if (response.getContentType() == null) {
				response.setContentType(HTML);
			}
			response.setContentLength(output.getContentLength());
			output.writeTo(response.getOutputStream());
		}
	}
}
