package dev.loupe.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a member of staff may do; permissions per role are enforced on the server. */
public enum StaffRole {
	/** Everything, including staff and settings. */
	ADMIN(EnumSet.allOf(Permission.class)),
	/** Serves customers in the shop: reads the catalogue and customers. */
	ASSOCIATE(EnumSet.of(Permission.CATALOG_READ, Permission.CUSTOMERS_READ)),
	/** Eye tests and prescriptions: reads the catalogue and customers. */
	OPTICIAN(EnumSet.of(Permission.CATALOG_READ, Permission.CUSTOMERS_READ)),
	/** Lens lab work orders: reads the catalogue. */
	LAB(EnumSet.of(Permission.CATALOG_READ)),
	/** Picks, packs, ships and receives: reads the catalogue, fulfils orders. */
	WAREHOUSE(EnumSet.of(Permission.CATALOG_READ, Permission.ORDERS_FULFILL)),
	/** Assortment and purchasing: manages the catalogue, its prices, promotions and images. */
	BUYER(EnumSet.of(Permission.CATALOG_READ, Permission.CATALOG_WRITE, Permission.PRICING_WRITE,
			Permission.PROMOTIONS_WRITE, Permission.FILES_WRITE));

	private final Set<Permission> permissions;

	StaffRole(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean can(Permission permission) {
		return permissions.contains(permission);
	}

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
