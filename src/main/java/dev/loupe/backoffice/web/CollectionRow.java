package dev.loupe.backoffice.web;

import dev.loupe.catalog.Collection;

/** A collection with its number of live products. */
public record CollectionRow(Collection collection, long products) {
}
