package dev.loupe.catalogcsv;

/** Why one row of an import was refused: its line in the file (the header is line 1), the column, the reason. */
public record RowError(int line, String column, String message) {

	@Override
	public String toString() {
		return "Line " + line + (column == null ? "" : ", " + column) + ": " + message;
	}
}
