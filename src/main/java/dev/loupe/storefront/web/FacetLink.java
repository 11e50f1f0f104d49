package dev.loupe.storefront.web;

/** A choice of a listing's filter or sort, as a link that toggles it (works without JavaScript). */
public record FacetLink(String label, long count, String url, boolean active, int depth) {
}
