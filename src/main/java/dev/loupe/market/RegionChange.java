package dev.loupe.market;

import java.util.List;

/**
 * A region's new name, countries and tax-inclusive flag; its currency stays (carts, orders and prices of the region
 * are in it). A country of another region is a conflict, as when a region is created.
 */
public record RegionChange(String name, boolean taxInclusive, List<String> countries) {
}
