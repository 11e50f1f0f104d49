package dev.loupe.platform.web;

import dev.loupe.platform.ApiError;
import dev.loupe.platform.ErrorType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page (filters, rejected requests) answers in the same JSON shape on API
 * paths, and as an HTML error page on pages for people ({@link ApiPaths}).
 */
@RestController
class JsonErrorController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && !ApiPaths.isApi(path)) {
			return HtmlErrorPages.page(status, null);
		}
		ErrorType type = switch (status) {
			case 404 -> ErrorType.NOT_FOUND;
			case 401 -> ErrorType.UNAUTHORIZED;
			case 403 -> ErrorType.FORBIDDEN;
			case 405 -> ErrorType.NOT_ALLOWED;
			case 409 -> ErrorType.CONFLICT;
			case 429 -> ErrorType.TOO_MANY_REQUESTS;
			default -> status >= 500 ? ErrorType.UNEXPECTED_STATE : ErrorType.INVALID_DATA;
		};
		String message = status >= 500 ? "An unexpected error occurred"
				: status == 404 ? "Route not found" : "The request could not be processed";
		return ApiExceptionHandler.respond(status, new ApiError(type.code(), message));
	}
}
