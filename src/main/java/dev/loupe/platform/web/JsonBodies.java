package dev.loupe.platform.web;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies for the APIs: objects whose numbers stay exact decimals (a price of 19.99 is never a
 * double), within the application's read limits, as {@link Input}. A body that is not JSON is 415; one that is not
 * an object, or nests too deeply, is 400 {@code invalid_data}.
 */
@Component
public class JsonBodies {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	JsonBodies(JsonMapper mapper) {
		this.mapper = mapper.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	/** The body as an {@link Input}; an empty body is an empty object. */
	public Input read(byte[] body, HttpServletRequest request) {
		if (body == null || body.length == 0) {
			return Input.of(Map.of());
		}
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw new LoupeException(ErrorType.INVALID_DATA, 415, "Send the request body as application/json");
		}
		try {
			return Input.of(mapper.readValue(body, OBJECT));
		}
		catch (JacksonException e) {
			for (Throwable t = e; t != null; t = t.getCause()) {
				if (t instanceof StreamConstraintsException) {
					throw LoupeException.invalidData("The request body is nested too deeply or is too large to read");
				}
			}
			throw LoupeException.invalidData("The request body must be a JSON object");
		}
	}
}
