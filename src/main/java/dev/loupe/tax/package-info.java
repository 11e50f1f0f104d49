/**
 * Tax rates per region, country and province, and tax calculation.
 */
package dev.loupe.tax;
