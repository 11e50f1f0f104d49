package dev.loupe.fulfillment;

/** A fulfilment that had not left was canceled; its quantities may be fulfilled again. */
public record FulfillmentCanceled(String fulfillmentId, String orderId) {
}
