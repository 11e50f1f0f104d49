package dev.loupe.catalog;

import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's options as a variant matrix: which combinations of option values have no variant yet, adding values to
 * an option (with a variant for every new combination) and adding the variant of one missing combination. The
 * product stays within {@link VariantMatrix#MAX_VARIANTS} combinations.
 */
@Service
@Transactional
public class ProductOptions {

	private final CatalogAdmin catalog;

	ProductOptions(CatalogAdmin catalog) {
		this.catalog = catalog;
	}

	/** The combinations of the product's option values that no live variant has, in matrix order. */
	@Transactional(readOnly = true)
	public List<VariantMatrix.Combination> missing(String productId) {
		Product product = catalog.product(productId);
		return matrix(product).missing(existing(product));
	}

	/**
	 * Adds values to an option and creates a variant for every combination that now has none; returns the new
	 * variants' ids. Refused when a value is already there or the product would have more than 100 combinations.
	 */
	public List<String> addValues(String productId, String optionId, List<String> values) {
		Product product = catalog.product(productId);
		Product.Option option = product.options().stream().filter(o -> o.id().equals(optionId)).findFirst()
			.orElseThrow(() -> LoupeException.notFound("Option", optionId));
		if (values.isEmpty()) {
			throw LoupeException.invalidData("Give at least one value to add, separated by commas.");
		}
		List<String> all = new ArrayList<>(option.values().stream().map(Product.OptionValue::value).toList());
		all.addAll(values);
		List<ProductDraft.Option> options = new ArrayList<>();
		for (Product.Option o : product.options()) {
			options.add(o.id().equals(optionId) ? new ProductDraft.Option(o.title(), all) : draft(o));
		}
		VariantMatrix matrix = VariantMatrix.of(options);
		catalog.updateOption(productId, optionId, Input.of(Map.of("values",
				matrix.options().stream().filter(o -> o.title().equals(option.title())).findFirst().orElseThrow().values())));
		List<String> created = new ArrayList<>();
		for (VariantMatrix.Combination c : matrix.missing(existing(product))) {
			created.add(create(productId, c));
		}
		return created;
	}

	/** Creates the variant of one missing combination, named by its title ("Black / S"); returns its id. */
	public String addCombination(String productId, String title) {
		VariantMatrix.Combination combination = missing(productId).stream().filter(c -> c.title().equals(title))
			.findFirst()
			.orElseThrow(() -> LoupeException.invalidData("Choose a combination that has no variant yet."));
		return create(productId, combination);
	}

	private String create(String productId, VariantMatrix.Combination c) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", c.title());
		body.put("options", c.options());
		return catalog.createVariant(productId, Input.of(body));
	}

	private static VariantMatrix matrix(Product product) {
		return VariantMatrix.of(product.options().stream().map(ProductOptions::draft).toList());
	}

	private static ProductDraft.Option draft(Product.Option o) {
		return new ProductDraft.Option(o.title(), o.values().stream().map(Product.OptionValue::value).toList());
	}

	private static List<Map<String, String>> existing(Product product) {
		List<Map<String, String>> combinations = new ArrayList<>();
		for (Product.Variant v : product.variants()) {
			Map<String, String> chosen = new LinkedHashMap<>();
			for (Product.OptionValue ov : v.options() == null ? List.<Product.OptionValue>of() : v.options()) {
				chosen.put(ov.optionTitle(), ov.value());
			}
			combinations.add(chosen);
		}
		return combinations;
	}
}
