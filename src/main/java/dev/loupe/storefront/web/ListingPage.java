package dev.loupe.storefront.web;

import java.util.List;

/** A category, a collection or search results: products with facets, sorting and pagination. */
public record ListingPage(Frame frame, String heading, String intro, List<Crumb> crumbs, List<ProductCard> products,
		long total, int page, int pages, List<FacetLink> categoryFacets, List<FacetLink> collectionFacets,
		List<FacetLink> sorts, String previousUrl, String nextUrl, List<FacetLink> pageLinks, String query,
		boolean search, FilterPanel filters) {
}
