package dev.loupe.backoffice.web;

/** A variant running out, named as the catalogue names it. */
public record LowStockRow(String variantId, String product, String variant, String sku, int available, int threshold) {
}
