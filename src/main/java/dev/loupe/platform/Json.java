package dev.loupe.platform;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON for columns that hold free-form documents ({@code metadata jsonb}). */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private Json() {
	}

	/** A JSON object column as a map; SQL null stays null. */
	public static Map<String, Object> map(String json) {
		return json == null ? null : MAPPER.readValue(json, MAP);
	}

	/** A map as JSON text for a jsonb parameter; null and empty maps become SQL null. */
	public static String write(Map<String, ?> value) {
		return value == null || value.isEmpty() ? null : MAPPER.writeValueAsString(value);
	}
}
