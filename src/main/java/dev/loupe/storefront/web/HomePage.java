package dev.loupe.storefront.web;

import java.util.List;

/** The home page: hero, featured collections, featured and newest products. */
public record HomePage(Frame frame, List<FacetLink> collections, List<ProductCard> featured, String featuredTitle,
		String featuredUrl, List<ProductCard> newest, List<FacetLink> categories) {
}
