package dev.loupe.backoffice.web;

/** A figure of the dashboard: its label, value, a line under it, and the list it counts (null: none). */
public record Figure(String label, String value, String note, String href) {

	public Figure(String label, String value, String note) {
		this(label, value, note, null);
	}
}
