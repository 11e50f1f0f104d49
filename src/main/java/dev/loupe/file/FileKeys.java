package dev.loupe.file;

import java.util.regex.Pattern;

/** Keys are relative paths of safe segments: no traversal, no hidden files, no control characters. */
public final class FileKeys {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private FileKeys() {
	}

	public static boolean isValid(String key) {
		if (key == null || key.isEmpty() || key.length() > 512) {
			return false;
		}
		for (String segment : key.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
				return false;
			}
		}
		return true;
	}
}
