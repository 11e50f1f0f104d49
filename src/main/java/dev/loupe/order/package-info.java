/**
 * Orders frozen at purchase: a copy of the cart's lines, shipping methods, addresses (encrypted) and totals as the
 * checkout computed them, the order's status, payment status and fulfilment status with their allowed transitions,
 * and the history of every change. Orders are placed only by the checkout, which builds an {@link OrderDraft}; this
 * module knows nothing of carts, payments or stock.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform" })
package dev.loupe.order;
