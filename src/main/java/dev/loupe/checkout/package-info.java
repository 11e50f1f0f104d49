/**
 * Checkout: completing a cart into an order as one orchestration over the cart, inventory, payment, promotion and
 * order modules, with a compensation for each step (ADR 011); order cancellations give back what completion took;
 * a customer's verified email brings them their guest orders.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "market", "catalog", "tax", "cart",
		"identity", "inventory", "payment", "promotion", "order" })
package dev.loupe.checkout;
