package dev.loupe.fulfillment.internal;

import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.fulfillment.ShippingRate;
import dev.loupe.fulfillment.ShippingRateProvider;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import org.springframework.stereotype.Component;

/**
 * Medusa's manual fulfillment provider ({@code manual_manual}): the option's flat price in the cart's currency, free
 * when the item subtotal reaches the price's {@code free_over}. The merchant ships by hand; no address is needed.
 */
@Component
class ManualRateProvider implements ShippingRateProvider {

	static final String ID = "manual_manual";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(ShippingOptionDraft draft, String currencyCode) {
		if (!"flat".equals(draft.priceType())) {
			throw LoupeException.invalidData("price_type must be flat for provider " + ID);
		}
		if (draft.prices().isEmpty()) {
			throw LoupeException.invalidData("prices must hold a price in " + currencyCode + " for provider " + ID);
		}
		if (!draft.brackets().isEmpty()) {
			throw LoupeException.invalidData("brackets are for table-rate options, not for provider " + ID);
		}
	}

	@Override
	public ShippingRate rate(ShippingOption option, ShippingContext context) {
		ShippingPrice price = option.prices().stream()
			.filter(p -> p.amount().currencyCodeLower().equals(context.currencyCode()))
			.findFirst()
			.orElse(null);
		if (price == null) {
			return new ShippingRate.Unavailable("it has no price in " + context.currencyCode());
		}
		return new ShippingRate.Priced(free(price, context.itemSubtotal()) ? Money.zero(price.amount().currency())
				: price.amount().rounded(), price.taxInclusive());
	}

	/** Free shipping from the threshold on: a subtotal exactly at {@code free_over} ships free. */
	static boolean free(ShippingPrice price, Money itemSubtotal) {
		return price.freeOver() != null && itemSubtotal.compareTo(price.freeOver()) >= 0;
	}
}
