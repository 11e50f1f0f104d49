package dev.loupe.identity;

/** A customer proved, through the link sent to it, that they control this email (lower-case). */
public record CustomerEmailVerified(String customerId, String email) {
}
