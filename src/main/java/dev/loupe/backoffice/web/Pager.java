package dev.loupe.backoffice.web;

/** Links to the previous and next pages, or null at either end. */
public record Pager(int page, String previous, String next, int from, int to) {
}
