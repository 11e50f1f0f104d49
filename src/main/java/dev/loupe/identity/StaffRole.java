package dev.loupe.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a member of staff may do; permissions per role are enforced on the server. */
public enum StaffRole {
	/** Everything, including staff and settings. */
	ADMIN(EnumSet.allOf(Permission.class)),
	/** Serves customers in the shop: reads the catalogue, customers and orders, takes payments and refunds. */
	ASSOCIATE(EnumSet.of(Permission.CATALOG_READ, Permission.CUSTOMERS_READ, Permission.ORDERS_READ,
			Permission.ORDERS_WRITE, Permission.REPORTS_READ)),
	/** Eye tests and prescriptions: reads the catalogue, customers and orders. */
	OPTICIAN(EnumSet.of(Permission.CATALOG_READ, Permission.CUSTOMERS_READ, Permission.ORDERS_READ)),
	/** Lens lab work orders: reads the catalogue and orders. */
	LAB(EnumSet.of(Permission.CATALOG_READ, Permission.ORDERS_READ)),
	/** Picks, packs, ships and receives: reads the catalogue and orders, fulfils them; never moves money. */
	WAREHOUSE(EnumSet.of(Permission.CATALOG_READ, Permission.ORDERS_READ, Permission.ORDERS_FULFILL)),
	/** Assortment and purchasing: manages the catalogue, its prices, promotions and images; reads sales figures. */
	BUYER(EnumSet.of(Permission.CATALOG_READ, Permission.CATALOG_WRITE, Permission.PRICING_WRITE,
			Permission.PROMOTIONS_WRITE, Permission.FILES_WRITE, Permission.REPORTS_READ));

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
