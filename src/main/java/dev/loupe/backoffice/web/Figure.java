package dev.loupe.backoffice.web;

/** A figure of the dashboard: its label, value and a line under it. */
public record Figure(String label, String value, String note) {
}
