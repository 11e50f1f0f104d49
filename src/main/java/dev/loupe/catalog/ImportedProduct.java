package dev.loupe.catalog;

import java.util.List;

/** Ids given to an imported product and its variants (in the draft's order). */
public record ImportedProduct(String handle, String productId, List<String> variantIds) {
}
