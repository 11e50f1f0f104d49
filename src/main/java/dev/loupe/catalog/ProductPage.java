package dev.loupe.catalog;

import java.util.List;

/** One page of a listing and the total count of the listing. */
public record ProductPage(List<Product> products, long count) {
}
