package dev.loupe.platform.web;

import dev.loupe.platform.Ids;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page for what never reaches Spring (a request line with raw control characters, an invalid
 * or overlong-encoded URI, a NUL byte in the path): the same {@code {"type", "message"}} JSON as the APIs instead of
 * Tomcat's HTML page, which would also name the server version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		// 505 is the client's mistake too (an HTTP version that does not exist), not a fault of the server.
		String type = status == 404 ? "not_found"
				: status >= 500 && status != 505 ? "unexpected_state" : "invalid_data";
		String message = switch (status) {
			case 404 -> "Route not found";
			case 413 -> "The request is too large";
			case 505 -> "HTTP version not supported";
			default -> status >= 500 ? "An unexpected error occurred" : "The request is malformed and could not be read";
		};
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			if (!response.containsHeader("X-Request-Id")) {
				response.setHeader("X-Request-Id", Ids.next("req"));
			}
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// The client is gone or the response is already committed: nothing more can be said.
		}
	}
}
