package dev.loupe.fulfillment;

/** How an option is presented: a label, a description and a code such as {@code standard} or {@code express}. */
public record ShippingOptionType(String id, String label, String description, String code) {
}
