package dev.loupe.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some bad requests itself, before Spring sees them (a NUL byte or an invalid escape in the path, a
 * malformed header). Its stock valve answers with an HTML page; this one answers in the APIs' JSON error format.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String type = status == 404 ? "not_found" : status >= 500 ? "unexpected_state" : "invalid_data";
		String message = status >= 500 ? "An unexpected error occurred" : status == 404 ? "Route not found"
				: "The request is malformed (status " + status + ")";
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			byte[] body = ("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException e) {
			// the client went away; nothing to answer
		}
	}
}
