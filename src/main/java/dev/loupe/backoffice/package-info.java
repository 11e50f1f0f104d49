/**
 * The back office: server-rendered pages under {@code /app} (jte and htmx) for staff, signed in with a cookie
 * session and protected against cross-site requests by a token per session. A web adapter only: every figure, list
 * and action comes from the other modules' public APIs; every page and action needs a permission of the staff's
 * role, checked on the server, and every action is written to the audit log.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "identity", "audit", "order", "payment", "cart", "inventory", "notification",
			"catalog", "catalogcsv", "customer", "market", "fulfillment", "pricing", "promotion", "webhook", "tax", "file" })
package dev.loupe.backoffice;
