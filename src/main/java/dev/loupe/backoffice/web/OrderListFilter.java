package dev.loupe.backoffice.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The filter as the form shows it. */
public record OrderListFilter(String q, String status, String payment, String fulfillment, String region, String from,
		String to) {

	public boolean any() {
		return !(q + status + payment + fulfillment + region + from + to).isEmpty();
	}

	String query() {
		StringBuilder query = new StringBuilder();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("q", q);
		values.put("status", status);
		values.put("payment", payment);
		values.put("fulfillment", fulfillment);
		values.put("region", region);
		values.put("from", from);
		values.put("to", to);
		values.forEach((k, v) -> {
			if (!v.isEmpty()) {
				query.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}
}
