package dev.loupe.customer;

/**
 * A customer account was created from a registration (a new customer, or a guest who signed up with the email of
 * earlier guest checkouts). Published in the transaction that created it; the identity module listens to link the
 * auth identity that registered to the customer, so that the next login carries the customer's id.
 *
 * @param customerId the customer ({@code cus_…})
 * @param authIdentityId the auth identity of the registration token
 * @param email the customer's email, lowercased
 */
public record CustomerRegistered(String customerId, String authIdentityId, String email) {
}
