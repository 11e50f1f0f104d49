package dev.loupe.backoffice.web;

import java.util.List;
import java.util.Map;

/**
 * What the back office's "New product" form holds, shown again when refused: up to three options, each a title and
 * its values separated by commas.
 */
public record ProductForm(String title, String handle, String description, String status, List<OptionField> options,
		String skuPrefix, Map<String, String> prices, String stock) {

	static final int OPTION_ROWS = 3;

	/** One option row of the form, as typed. */
	public record OptionField(String title, String values) {
	}

	static ProductForm empty() {
		return new ProductForm("", "", "", "draft", List.of(new OptionField("", ""), new OptionField("", ""),
				new OptionField("", "")), "", Map.of(), "0");
	}
}
