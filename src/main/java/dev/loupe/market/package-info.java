/**
 * Store settings, currencies, regions and their countries, sales channels and publishable API keys.
 */
package dev.loupe.market;
