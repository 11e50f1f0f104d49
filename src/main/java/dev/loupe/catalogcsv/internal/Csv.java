package dev.loupe.catalogcsv.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF line ends, a BOM ignored. */
public final class Csv {

	/** A record of the file and the line it starts on (1-based). */
	public record Line(int number, List<String> fields) {
	}

	/** The text is not readable CSV (an unclosed quote, text after a closing quote). */
	public static final class Malformed extends RuntimeException {

		public final int line;

		Malformed(int line, String message) {
			super(message);
			this.line = line;
		}
	}

	private Csv() {
	}

	/** Parses every record; blank lines are skipped. */
	public static List<Line> parse(String text) {
		List<Line> lines = new ArrayList<>();
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		int line = 1;
		int n = text.length();
		while (i < n) {
			int start = line;
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean end = false;
			while (!end) {
				if (i < n && text.charAt(i) == '"') {
					i++;
					while (true) {
						if (i >= n) {
							throw new Malformed(start, "a quoted field is never closed");
						}
						char c = text.charAt(i++);
						if (c == '"') {
							if (i < n && text.charAt(i) == '"') {
								field.append('"');
								i++;
							}
							else {
								break;
							}
						}
						else {
							if (c == '\n') {
								line++;
							}
							field.append(c);
						}
					}
					if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
						throw new Malformed(line, "text follows a closing quote");
					}
				}
				else {
					while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
						field.append(text.charAt(i++));
					}
				}
				fields.add(field.toString());
				field.setLength(0);
				if (i < n && text.charAt(i) == ',') {
					i++;
				}
				else {
					if (i < n && text.charAt(i) == '\r') {
						i++;
					}
					if (i < n && text.charAt(i) == '\n') {
						i++;
					}
					end = true;
				}
			}
			if (!(fields.size() == 1 && fields.getFirst().isBlank())) {
				lines.add(new Line(start, fields));
			}
			line++;
		}
		return lines;
	}

	/** Writes one record, quoting fields that need it, with a CRLF line end. */
	public static void write(Writer out, List<String> fields) {
		try {
			for (int i = 0; i < fields.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				String f = fields.get(i) == null ? "" : fields.get(i);
				if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
					out.write('"');
					out.write(f.replace("\"", "\"\""));
					out.write('"');
				}
				else {
					out.write(f);
				}
			}
			out.write("\r\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
