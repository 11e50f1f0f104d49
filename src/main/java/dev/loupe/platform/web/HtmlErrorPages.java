package dev.loupe.platform.web;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of pages for people (the storefront, the back office under {@code /app}) answer an HTML error page with
 * the right status; API paths ({@link ApiPaths}) are left to {@link ApiExceptionHandler}'s JSON, and the back office's
 * own controllers to their advice. Runs before Spring
 * MVC's own resolvers so that the split is made in one place.
 */
@Component
class HtmlErrorPages implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(HtmlErrorPages.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (ApiPaths.isApi(request) || response.isCommitted() || backOfficeHandler(request, handler)) {
			return null;
		}
		int status = status(e);
		if (status >= 500) {
			log.error("Page {} failed", ApiExceptionHandler.sanitize(request.getRequestURI()), e);
		}
		String message = e instanceof LoupeException loupe && status < 500 && status != 404 ? loupe.getMessage() : null;
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		return page(status, message);
	}

	/**
	 * The back office's controllers draw their own error pages (with its navigation and sign-in state) through their
	 * controller advice; only what reaches {@code /app} without one of them (unknown assets) gets the generic page.
	 */
	private static boolean backOfficeHandler(HttpServletRequest request, Object handler) {
		String path = request.getRequestURI();
		return handler instanceof org.springframework.web.method.HandlerMethod
				&& (path.equals("/app") || path.startsWith("/app/"));
	}

	/** The error page's view for a status, with an optional message safe to show. */
	static ModelAndView page(int status, String message) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", status);
		model.put("title", title(status));
		model.put("message", message != null ? message : explanation(status));
		model.put("requestId", Ids.next("req"));
		return new ModelAndView("error", model);
	}

	static int status(Exception e) {
		if (e instanceof LoupeException loupe) {
			return loupe.status();
		}
		if (e instanceof ErrorResponse response) {
			return response.getStatusCode().value();
		}
		if (e instanceof InvalidParameterException || e instanceof IllegalArgumentException) {
			return 400;
		}
		return 500;
	}

	static String title(int status) {
		return switch (status) {
			case 404 -> "Page not found";
			case 401, 403 -> "Not allowed";
			case 405 -> "Not allowed";
			case 429 -> "Too many requests";
			default -> status >= 500 ? "Something went wrong" : "That request did not work";
		};
	}

	static String explanation(int status) {
		return switch (status) {
			case 404 -> "We could not find the page you were looking for. It may have moved, or the link may be mistyped.";
			case 401, 403 -> "You need to sign in with an account that may see this page.";
			case 429 -> "Please wait a moment and try again.";
			default -> status >= 500 ? "An unexpected error occurred on our side. Please try again in a moment."
					: "The address or form could not be understood. Please check it and try again.";
		};
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
