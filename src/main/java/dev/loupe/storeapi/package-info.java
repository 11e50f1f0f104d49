/**
 * The Medusa v2 compatible Store API: HTTP mapping and validation only, over the modules' public APIs.
 */
package dev.loupe.storeapi;
