package dev.loupe.backoffice.web;

import dev.loupe.platform.LoupeException;
import dev.loupe.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of back office pages as pages (inside the back office's frame when someone is signed in), never the
 * Admin API's JSON: 403 for a role or token refused, 404, 4xx for bad input, 429 with Retry-After, and 500 without
 * details (logged with the request id). Limited to the back office's controllers.
 */
@ControllerAdvice(basePackageClasses = BackOfficeErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackOfficeErrors {

	private static final Logger log = LoggerFactory.getLogger(BackOfficeErrors.class);

	@ExceptionHandler(Forbidden.class)
	ModelAndView forbidden(Forbidden e, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 403, "You don't have access to this", e.getMessage());
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
		return page(request, response, 429, "Too many requests", e.getMessage());
	}

	@ExceptionHandler(LoupeException.class)
	ModelAndView refused(LoupeException e, HttpServletRequest request, HttpServletResponse response) {
		String title = switch (e.status()) {
			case 404 -> "Not found";
			case 401 -> "Sign in again";
			default -> "That did not work";
		};
		return page(request, response, e.status(), title, e.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 400, "That request was not understood",
				"A value in the address or form is missing or malformed.");
	}

	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 413, "That file is too large",
				"Files up to 10 MB can be uploaded here; split a larger one.");
	}

	@ExceptionHandler({ org.springframework.web.multipart.MultipartException.class,
			org.springframework.web.multipart.support.MissingServletRequestPartException.class })
	ModelAndView badUpload(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 400, "That upload was not understood",
				"The form's file could not be read; choose the file again.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
			HttpServletResponse response) {
		return page(request, response, 405, "Not here", "This address does not accept " + e.getMethod() + ".");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			// Tomcat's own upload limit, when the CSRF check reads the form before Spring resolves the upload.
			if (t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
				return tooLarge(e, request, response);
			}
		}
		log.error("Back office page {} {} failed", request.getMethod(), request.getRequestURI(), e);
		return page(request, response, 500, "Something went wrong",
				"The page could not be shown. The error is in the server's log; try again in a moment.");
	}

	static ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String message) {
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		Staff staff = (Staff) request.getAttribute(Staff.ATTRIBUTE);
		ModelAndView page = new ModelAndView("app/error");
		page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
		page.addObject("frame", staff == null ? null : new Frame(staff, title, "", null));
		page.addObject("status", status);
		page.addObject("title", title);
		page.addObject("message", message);
		return page;
	}
}
