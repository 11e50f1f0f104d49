package dev.loupe.storefront.web;

/** A step of a breadcrumb trail; the last has no URL. */
public record Crumb(String label, String url) {
}
