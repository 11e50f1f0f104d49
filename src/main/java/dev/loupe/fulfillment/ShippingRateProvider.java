package dev.loupe.fulfillment;

/**
 * A fulfillment provider's pricing of shipping options, as a Spring bean. Providers know their own configuration
 * (flat prices, brackets, data for a carrier) and nothing of carts.
 */
public interface ShippingRateProvider {

	/** The provider id options name, in Medusa's {@code <identifier>_<id>} form, e.g. {@code manual_manual}. */
	String id();

	/**
	 * Refuses a configuration this provider cannot price in the region's currency ({@code invalid_data} naming the
	 * field); called when an option is created or updated.
	 */
	void check(ShippingOptionDraft draft, String currencyCode);

	/** The price of the option for this context; never throws for a context it cannot serve. */
	ShippingRate rate(ShippingOption option, ShippingContext context);
}
