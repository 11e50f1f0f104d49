package dev.loupe.backoffice.web;

import dev.loupe.identity.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * What every back office page's frame shows: who is signed in, the navigation their role allows (the server checks
 * each page again), the page's title and section, and a flash message.
 */
public record Frame(Staff staff, String title, String section, Flash flash) {

	/** A link of the sidebar. */
	public record NavItem(String href, String label, String icon, boolean active) {
	}

	/** A group of links of the sidebar. */
	public record NavGroup(String label, List<NavItem> items) {
	}

	public String csrf() {
		return staff.csrfToken();
	}

	/** The htmx header carrying the CSRF token, as JSON for {@code hx-headers}. */
	public String htmxHeaders() {
		return "{\"" + StaffCookies.CSRF_HEADER + "\": \"" + staff.csrfToken() + "\"}";
	}

	public String role() {
		String code = staff.user().role().code();
		return Character.toUpperCase(code.charAt(0)) + code.substring(1);
	}

	/** The section's name in the breadcrumb. */
	public String sectionLabel() {
		return switch (section) {
			case "outbox" -> "Email outbox";
			case "groups" -> "Customer groups";
			case "audit" -> "Audit log";
			case "webhooks" -> "Webhook inbox";
			case "jobs" -> "Scheduled jobs";
			case "keys" -> "API keys";
			case "templates" -> "Email templates";
			default -> section.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + section.substring(1);
		};
	}

	public List<NavGroup> navigation() {
		List<NavGroup> groups = new ArrayList<>();
		List<NavItem> store = new ArrayList<>();
		if (staff.can(Permission.REPORTS_READ)) {
			store.add(item("/app", "Dashboard", "dashboard"));
		}
		if (staff.can(Permission.ORDERS_READ)) {
			store.add(item("/app/orders", "Orders", "orders"));
		}
		if (staff.can(Permission.CUSTOMERS_READ)) {
			store.add(item("/app/customers", "Customers", "customers"));
			store.add(item("/app/customers/groups", "Customer groups", "groups"));
		}
		if (staff.can(Permission.CATALOG_READ)) {
			store.add(item("/app/products", "Products", "products"));
			store.add(item("/app/categories", "Categories", "categories"));
			store.add(item("/app/collections", "Collections", "collections"));
			store.add(item("/app/inventory", "Inventory", "inventory"));
		}
		if (staff.can(Permission.PROMOTIONS_WRITE)) {
			store.add(item("/app/promotions", "Promotions", "promotions"));
		}
		groups.add(new NavGroup("Store", store));
		if (staff.can(Permission.SETTINGS_WRITE)) {
			groups.add(new NavGroup("Settings", List.of(item("/app/settings/store", "Store", "store"),
					item("/app/settings/sales-channels", "Sales channels", "channels"),
					item("/app/settings/staff", "Staff", "staff"), item("/app/settings/keys", "API keys", "keys"),
					item("/app/settings/emails", "Email templates", "templates"),
					item("/app/settings/outbox", "Email outbox", "outbox"),
					item("/app/settings/webhooks", "Webhook inbox", "webhooks"),
					item("/app/settings/jobs", "Scheduled jobs", "jobs"), item("/app/settings/audit", "Audit log", "audit"))));
		}
		return groups;
	}

	private NavItem item(String href, String label, String key) {
		return new NavItem(href, label, key, key.equals(section));
	}
}
