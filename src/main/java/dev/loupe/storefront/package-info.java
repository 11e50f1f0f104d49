/**
 * The server-rendered storefront: pages for shoppers (catalogue, cart, checkout, account) rendered with jte and
 * improved with htmx, over the modules' public APIs. HTTP mapping, validation and presentation only (ADR 016).
 */
package dev.loupe.storefront;
