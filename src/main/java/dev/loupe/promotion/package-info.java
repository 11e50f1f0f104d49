/**
 * Promotion codes and automatic promotions: their rules, the discounts they give a cart (calculated without the
 * database, from what the caller passes in a {@link dev.loupe.promotion.DiscountContext}) and their usage limits.
 * Knows nothing of carts or the catalogue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform" })
package dev.loupe.promotion;
