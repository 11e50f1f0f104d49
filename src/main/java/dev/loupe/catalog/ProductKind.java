package dev.loupe.catalog;

/** Kinds of merchandise with their own rules: digital goods are not shipped, optical goods carry optical data. */
public enum ProductKind {
	STANDARD, DIGITAL, OPTICAL_FRAME, OPTICAL_LENS, CONTACT_LENS;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public boolean isShipped() {
		return this != DIGITAL;
	}
}
