/**
 * Products as CSV: export of the whole catalogue (products, variants, base prices per currency, stock) and import as
 * a durable background job that validates every row first and then upserts by handle and SKU in batches. A workflow
 * over the catalogue, pricing and inventory modules, which know nothing of each other (ADR 021).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "catalog", "pricing", "inventory",
	"market" })
package dev.loupe.catalogcsv;
