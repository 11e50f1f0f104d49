package dev.loupe.cart;

import dev.loupe.cart.internal.CartExtrasRows;
import dev.loupe.cart.internal.CartPricing;
import dev.loupe.cart.internal.CartRow;
import dev.loupe.fulfillment.ShippingOffer;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.Promotions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a shopper chooses for a cart beyond its items: the shipping method (an option of the cart's region that
 * serves its address, priced for the cart) and promotion codes. Ownership and the lock are {@link Carts}' rules.
 */
@Service
@Transactional
public class CartChoices {

	/** The most codes a cart holds. */
	public static final int MAX_CODES = 10;

	private final Carts carts;
	private final CartPricing pricing;
	private final CartExtrasRows extras;
	private final ShippingOptions shipping;
	private final Promotions promotions;
	private final Clock clock;

	CartChoices(Carts carts, CartPricing pricing, CartExtrasRows extras, ShippingOptions shipping,
			Promotions promotions, Clock clock) {
		this.carts = carts;
		this.pricing = pricing;
		this.extras = extras;
		this.shipping = shipping;
		this.promotions = promotions;
		this.clock = clock;
	}

	/**
	 * Sets the cart's shipping method to {@code option_id} (replacing an earlier one), with optional {@code data} for
	 * the provider. The option must serve the cart's region and address; a cart without items to ship needs none.
	 */
	public Cart addShippingMethod(Shopper shopper, String cartId, Input body) {
		body.allow(Set.of("option_id", "data"));
		String optionId = body.requiredText("option_id", 100);
		Map<String, Object> data = body.metadata("data");
		CartRow row = carts.open(shopper, cartId);
		Region region = carts.region(row);
		List<LineItem> lines = pricing.lines(row);
		CartPricing.Known known = pricing.contents(row, lines);
		if (lines.stream().noneMatch(LineItem::requiresShipping)) {
			throw LoupeException.notAllowed("Cart " + row.id() + " has no items to ship: it needs no shipping method");
		}
		if (row.shippingAddress() == null || row.shippingAddress().countryCode() == null) {
			throw LoupeException.notAllowed("Cart " + row.id() + " needs a shipping address with a country_code before "
					+ "a shipping method can be chosen");
		}
		ShippingOffer offer = shipping.quote(optionId, pricing.shippingContext(row, region, lines, known.variants()));
		if (offer.amount() == null) {
			throw LoupeException.notAllowed("Shipping option " + Carts.shown(optionId) + " cannot be priced for this cart");
		}
		extras.setShippingMethod(row.id(), Ids.next("casm"), offer.optionId(), offer.name(), offer.amount(),
				offer.taxInclusive(), data == null || data.isEmpty() ? offer.data() : data);
		return pricing.refresh(row, region, known);
	}

	/**
	 * Applies {@code promo_codes}: every code must be valid now (unknown, expired, not started, used up or for
	 * another currency is refused naming it, and none is applied). Codes already on the cart are kept.
	 */
	public Cart addPromotions(Shopper shopper, String cartId, Input body) {
		List<String> codes = codes(body);
		CartRow row = carts.open(shopper, cartId);
		List<Promotion> found = promotions.forCodes(codes, clock.instant(), Money.currency(row.currencyCode()),
				pricing.customerGroups(row));
		if (extras.codes(row.id()).size() + found.size() > MAX_CODES) {
			throw body.invalid("promo_codes", "a cart holds at most " + MAX_CODES + " promotion codes");
		}
		for (Promotion p : found) {
			extras.addCode(row.id(), p.id(), p.code());
		}
		return carts.refresh(row);
	}

	/** Removes {@code promo_codes} from the cart; codes it does not hold are ignored, as Medusa does. */
	public Cart removePromotions(Shopper shopper, String cartId, Input body) {
		List<String> codes = codes(body);
		CartRow row = carts.open(shopper, cartId);
		for (CartExtrasRows.AppliedCode applied : extras.codes(row.id())) {
			if (codes.stream().anyMatch(c -> c.equalsIgnoreCase(applied.code()))) {
				extras.removeCode(row.id(), applied.promotionId());
			}
		}
		return carts.refresh(row);
	}

	private static List<String> codes(Input body) {
		body.allow(Set.of("promo_codes"));
		List<String> raw = body.texts("promo_codes", MAX_CODES, 64);
		if (raw == null || raw.isEmpty()) {
			throw body.invalid("promo_codes", "is required: a list of promotion codes");
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : raw) {
			String c = code.strip();
			if (!c.matches("[A-Za-z0-9_-]{1,64}")) {
				throw body.invalid("promo_codes", "'" + Carts.shown(c) + "' is not a promotion code (letters, digits, - and _)");
			}
			codes.add(c.toUpperCase(Locale.ROOT));
		}
		return new ArrayList<>(codes);
	}
}
