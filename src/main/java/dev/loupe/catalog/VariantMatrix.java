package dev.loupe.catalog;

import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every combination of up to {@value #MAX_OPTIONS} options' values (Colour: Black, White × Size: S, M, L makes six
 * variants "Black / S" … "White / L"), in the order the options and values are given. Refuses what a merchant would
 * regret: an option without a title or values, a title or a value given twice, more than {@value #MAX_VARIANTS}
 * combinations.
 */
public record VariantMatrix(List<ProductDraft.Option> options, List<Combination> combinations) {

	public static final int MAX_OPTIONS = 3;
	public static final int MAX_VARIANTS = 100;

	/** One variant of the matrix: its title, its value per option title, and the SKU suffix made from the values. */
	public record Combination(String title, Map<String, String> options, String skuSuffix) {

		/** The SKU for this combination under a prefix ({@code TEE-BLACK-S}); null without a prefix. */
		public String sku(String prefix) {
			if (prefix == null || prefix.isBlank()) {
				return null;
			}
			return skuSuffix.isEmpty() ? prefix : prefix + "-" + skuSuffix;
		}
	}

	public VariantMatrix {
		options = List.copyOf(options);
		combinations = List.copyOf(combinations);
	}

	/** The matrix of these options, validated; no options is one variant without option values. */
	public static VariantMatrix of(List<ProductDraft.Option> options) {
		if (options.size() > MAX_OPTIONS) {
			throw LoupeException.invalidData("A product has at most " + MAX_OPTIONS + " options here.");
		}
		Set<String> titles = new HashSet<>();
		long count = 1;
		for (ProductDraft.Option o : options) {
			if (o.title() == null || o.title().isBlank()) {
				throw LoupeException.invalidData("Name every option that has values (such as Colour or Size).");
			}
			if (!titles.add(o.title().strip().toLowerCase(Locale.ROOT))) {
				throw LoupeException.invalidData("The option " + o.title() + " is given twice.");
			}
			if (o.values() == null || o.values().isEmpty()) {
				throw LoupeException.invalidData("Give the option " + o.title() + " at least one value.");
			}
			Set<String> seen = new HashSet<>();
			for (String v : o.values()) {
				if (v == null || v.isBlank()) {
					throw LoupeException.invalidData("The option " + o.title() + " has an empty value.");
				}
				if (!seen.add(v.strip().toLowerCase(Locale.ROOT))) {
					throw LoupeException.invalidData("The option " + o.title() + " repeats the value " + v.strip() + ".");
				}
			}
			count *= o.values().size();
			if (count > MAX_VARIANTS) {
				throw LoupeException.invalidData("These options make more than " + MAX_VARIANTS
						+ " variants; split the product or use fewer values.");
			}
		}
		List<Combination> combinations = new ArrayList<>();
		combinations.add(new Combination("", Map.of(), ""));
		for (ProductDraft.Option o : options) {
			List<Combination> next = new ArrayList<>();
			for (Combination c : combinations) {
				for (String raw : o.values()) {
					String value = raw.strip();
					Map<String, String> chosen = new LinkedHashMap<>(c.options());
					chosen.put(o.title().strip(), value);
					String suffix = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
					next.add(new Combination(c.title().isEmpty() ? value : c.title() + " / " + value, chosen,
							c.skuSuffix().isEmpty() ? suffix : c.skuSuffix() + "-" + suffix));
				}
			}
			combinations = next;
		}
		List<ProductDraft.Option> stripped = options.stream()
			.map(o -> new ProductDraft.Option(o.title().strip(), o.values().stream().map(String::strip).toList()))
			.toList();
		return new VariantMatrix(stripped, combinations);
	}

	/** The combinations no variant has yet, given the value per option title of each existing variant. */
	public List<Combination> missing(List<Map<String, String>> existing) {
		Set<Map<String, String>> have = new HashSet<>(existing);
		return combinations.stream().filter(c -> !have.contains(c.options())).toList();
	}
}
