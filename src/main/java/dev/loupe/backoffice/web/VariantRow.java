package dev.loupe.backoffice.web;

import dev.loupe.catalog.Product;
import java.util.Map;

/** One variant on the back office's product page: its option values as a label and its base prices by currency. */
public record VariantRow(Product.Variant variant, String label, Map<String, String> prices) {
}
