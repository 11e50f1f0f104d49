/**
 * Products, options, variants, media, types, tags, collections, categories and product search.
 */
package dev.loupe.catalog;
