/**
 * Messages to customers and staff (password resets, order confirmations): written to an outbox in the transaction
 * that causes them, delivered by a provider when one is configured, and readable in the back office.
 */
package dev.loupe.notification;
