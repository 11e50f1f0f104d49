/**
 * Prices per variant and currency or region, price lists, and the calculated price of a variant.
 */
package dev.loupe.pricing;
