/**
 * Messages to customers and staff (order confirmations, shipping and delivery notices, review requests, password
 * resets, invitations): rendered from templates in the store's branding, written to an outbox in the transaction
 * that causes them, delivered by a durable task through the configured provider (SMTP, Resend, or none: the outbox
 * keeps them for viewing), and readable in the back office.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "order", "webhook" })
package dev.loupe.notification;
