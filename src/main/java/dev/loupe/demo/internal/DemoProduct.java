package dev.loupe.demo.internal;

import dev.loupe.catalog.ProductDraft;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A demo product: the catalogue draft, its artwork per image key, and its US dollar price per variant (other
 * currencies are derived), plus the stock of each variant.
 */
record DemoProduct(ProductDraft draft, Map<String, String> art, List<BigDecimal> usdPrices, List<Integer> stock,
		boolean onSale) {
}
