package dev.loupe.identity;

/** A member of staff, without credentials. */
public record StaffUser(String id, String email, String firstName, String lastName, StaffRole role) {
}
