package dev.loupe.inventory;

/** A place where stock is kept and from where orders are fulfilled ({@code sloc_…}). */
public record StockLocation(String id, String name) {
}
