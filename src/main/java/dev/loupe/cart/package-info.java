/**
 * Shopping carts: line items priced in the cart's region, shipping and billing addresses encrypted at rest, and the
 * cart's totals with tax. Reads the catalogue, prices, stock, regions and tax rates through those modules' public
 * APIs; never their tables. The customer module gives the customer groups that promotions may be limited to.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "market", "catalog", "pricing", "inventory", "tax", "fulfillment",
			"promotion", "customer" })
package dev.loupe.cart;
