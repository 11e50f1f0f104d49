package dev.loupe.market;

/** A channel products are sold through (the web store, a shop's till); a disabled one sells nothing. */
public record SalesChannel(String id, String name, String description, boolean disabled) {
}
