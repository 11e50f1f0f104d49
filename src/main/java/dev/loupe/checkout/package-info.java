/**
 * Checkout: completing a cart into an order as one orchestration over the cart, inventory, payment, promotion and
 * order modules, with a compensation for each step (ADR 011).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "market", "catalog", "tax", "cart",
		"inventory", "payment", "promotion", "order" })
package dev.loupe.checkout;
