package dev.loupe.catalog;

/** A product category; {@code parentHandle} null makes it a root. */
public record CategoryDraft(String handle, String name, String description, String parentHandle, int rank) {
}
