package dev.loupe.order.internal;

import dev.loupe.order.OrderAdjustment;
import dev.loupe.order.OrderTaxLine;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jsonb columns of orders: tax lines, adjustments and promotion codes. Amounts are written as decimal strings so
 * that they come back exactly as frozen (a JSON number would pass through a double in some readers).
 */
final class OrderDocuments {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();
	private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
	};
	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private OrderDocuments() {
	}

	static String taxLines(List<OrderTaxLine> lines) {
		List<Map<String, Object>> docs = new ArrayList<>();
		for (OrderTaxLine l : lines) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", l.id());
			m.put("rate_id", l.rateId());
			m.put("code", l.code());
			m.put("name", l.name());
			m.put("rate", l.ratePercent() == null ? null : l.ratePercent().toPlainString());
			m.put("amount", l.amount().amount().toPlainString());
			docs.add(m);
		}
		return MAPPER.writeValueAsString(docs);
	}

	static List<OrderTaxLine> taxLines(String json, String currencyCode) {
		List<OrderTaxLine> lines = new ArrayList<>();
		for (Map<String, Object> m : MAPPER.readValue(json, OBJECTS)) {
			String rate = (String) m.get("rate");
			lines.add(new OrderTaxLine((String) m.get("rate_id"), (String) m.get("code"), (String) m.get("name"),
					rate == null ? null : new BigDecimal(rate), Money.of((String) m.get("amount"), currencyCode),
					(String) m.get("id")));
		}
		return List.copyOf(lines);
	}

	static String adjustments(List<OrderAdjustment> adjustments) {
		List<Map<String, Object>> docs = new ArrayList<>();
		for (OrderAdjustment a : adjustments) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", a.id());
			m.put("promotion_id", a.promotionId());
			m.put("code", a.code());
			m.put("amount", a.amount().amount().toPlainString());
			m.put("description", a.description());
			docs.add(m);
		}
		return MAPPER.writeValueAsString(docs);
	}

	static List<OrderAdjustment> adjustments(String json, String currencyCode) {
		List<OrderAdjustment> adjustments = new ArrayList<>();
		for (Map<String, Object> m : MAPPER.readValue(json, OBJECTS)) {
			adjustments.add(new OrderAdjustment((String) m.get("promotion_id"), (String) m.get("code"),
					Money.of((String) m.get("amount"), currencyCode), (String) m.get("description"), (String) m.get("id")));
		}
		return List.copyOf(adjustments);
	}

	static String strings(List<String> values) {
		return MAPPER.writeValueAsString(values == null ? List.of() : values);
	}

	static List<String> strings(String json) {
		return List.copyOf(MAPPER.readValue(json, STRINGS));
	}
}
