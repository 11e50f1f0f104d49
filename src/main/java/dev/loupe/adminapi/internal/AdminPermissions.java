package dev.loupe.adminapi.internal;

import dev.loupe.identity.Permission;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which permission each Admin API route needs: one table, read top to bottom, first match wins. A route that matches
 * no row is refused to everyone but admins, so a new route cannot be left open by forgetting it here.
 */
final class AdminPermissions {

	record Rule(String methods, Pattern path, Permission permission) {

		boolean matches(String method, String uri) {
			return (methods.equals("*") || methods.contains(method)) && path.matcher(uri).matches();
		}
	}

	static final List<Rule> RULES = List.of(
			rule("GET", "/admin/users/me", Permission.CATALOG_READ),
			rule("GET POST", "/admin/orders/[^/]+/fulfillments(/.*)?", Permission.ORDERS_FULFILL),
			rule("GET", "/admin/orders/[^/]+/returns", Permission.ORDERS_READ),
			rule("POST", "/admin/orders/[^/]+/returns(/[^/]+/receive)?", Permission.ORDERS_WRITE),
			rule("*", "/admin/(users|invites|api-keys)(/.*)?", Permission.SETTINGS_WRITE),
			rule("GET", "/admin/(products|collections|product-categories|product-types|product-tags|price-lists)(/.*)?",
					Permission.CATALOG_READ),
			rule("GET", "/admin/customers(/.*)?", Permission.CUSTOMERS_READ),
			// Whoever may see customers may group them (as in the back office).
			rule("GET POST DELETE", "/admin/customer-groups(/.*)?", Permission.CUSTOMERS_READ),
			rule("GET", "/admin/(shipping-options|shipping-profiles)(/.*)?", Permission.CATALOG_READ),
			rule("POST DELETE", "/admin/(shipping-options|shipping-profiles)(/.*)?", Permission.SETTINGS_WRITE),
			rule("POST DELETE", "/admin/price-lists(/.*)?", Permission.PRICING_WRITE),
			rule("GET", "/admin/promotions(/.*)?", Permission.CATALOG_READ),
			rule("POST DELETE", "/admin/promotions(/.*)?", Permission.PROMOTIONS_WRITE),
			rule("POST DELETE", "/admin/uploads(/.*)?", Permission.FILES_WRITE),
			rule("POST DELETE", "/admin/(products|collections|product-categories|product-types|product-tags)(/.*)?",
					Permission.CATALOG_WRITE));

	private AdminPermissions() {
	}

	/** The permission a request needs; empty means the route is in no row (admins only). */
	static Optional<Permission> required(String method, String uri) {
		return RULES.stream().filter(r -> r.matches(method, uri)).map(Rule::permission).findFirst();
	}

	private static Rule rule(String methods, String path, Permission permission) {
		return new Rule(methods, Pattern.compile(path), permission);
	}
}
