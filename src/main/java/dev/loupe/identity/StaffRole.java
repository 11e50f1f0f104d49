package dev.loupe.identity;

/** What a member of staff may do; permissions per role are enforced on the server. */
public enum StaffRole {
	ADMIN, ASSOCIATE, OPTICIAN, LAB, WAREHOUSE, BUYER;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
