/**
 * Customers (with an account, or guests known by their email), their profile and their address book, whose
 * personal data is encrypted at rest. Depends on the platform only: the identity module links logins to customers by
 * listening to {@link dev.loupe.customer.CustomerRegistered}, so a dependency on identity would make a cycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package dev.loupe.customer;
