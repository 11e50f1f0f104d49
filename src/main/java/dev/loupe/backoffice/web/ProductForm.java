package dev.loupe.backoffice.web;

import java.util.Map;

/** What the back office's "New product" form holds, shown again when refused. */
public record ProductForm(String title, String handle, String description, String status, String optionTitle,
		String optionValues, String skuPrefix, Map<String, String> prices, String stock) {

	static ProductForm empty() {
		return new ProductForm("", "", "", "draft", "", "", "", Map.of(), "0");
	}
}
