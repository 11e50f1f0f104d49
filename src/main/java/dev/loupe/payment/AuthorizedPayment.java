package dev.loupe.payment;

/** The outcome of a successful authorisation: the collection, now authorised, and its payment. */
public record AuthorizedPayment(PaymentCollection collection, Payment payment) {
}
