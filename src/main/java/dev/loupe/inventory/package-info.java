/**
 * Stock locations and stock levels per variant; reservations and the movement ledger.
 */
package dev.loupe.inventory;
