package dev.loupe.fulfillment;

/** How a parcel is followed: the carrier's tracking number, the carrier, and a page where the shopper can follow it. */
public record Tracking(String number, String carrier, String url) {
}
