/**
 * The audit log: every staff or integration action that changes the store, with its actor, resource and request.
 */
package dev.loupe.audit;
