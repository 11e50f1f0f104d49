package dev.loupe.fulfillment;

import dev.loupe.fulfillment.internal.ShippingRows;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shipping options a cart can choose from, priced by their providers. An option is offered when it is live and
 * enabled, belongs to the cart's region, serves the destination country (every option does while there is no
 * address) and its provider does not refuse the shipment. Nothing is offered when no item requires shipping.
 */
@Service
@Transactional(readOnly = true)
public class ShippingOptions {

	private final ShippingRows rows;
	private final Map<String, ShippingRateProvider> providers;

	ShippingOptions(ShippingRows rows, List<ShippingRateProvider> providers) {
		this.rows = rows;
		this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(ShippingRateProvider::id,
				Function.identity()));
	}

	/** The options this context may ship by, priced ({@code amount} null where the provider needs more to price). */
	public List<ShippingOffer> available(ShippingContext context) {
		return choices(context).offers();
	}

	/**
	 * The options this context may ship by, and those that serve its destination but cannot ship it now, with the
	 * reason (a storefront tells the shopper about the temporary ones, e.g. a carrier's rates not answering).
	 */
	public ShippingChoices choices(ShippingContext context) {
		if (!context.requiresShipping()) {
			return new ShippingChoices(List.of(), List.of());
		}
		List<ShippingOffer> offers = new ArrayList<>();
		List<ShippingChoices.Unavailable> unavailable = new ArrayList<>();
		for (ShippingOption option : rows.options(context.regionId())) {
			if (!option.enabled() || !option.serves(context.countryCode())) {
				continue;
			}
			switch (rate(option, context)) {
				case ShippingRate.Priced p -> offers.add(offer(option, p));
				case ShippingRate.Pending _ -> offers.add(offer(option, null));
				case ShippingRate.Unavailable u -> unavailable
					.add(new ShippingChoices.Unavailable(option.id(), option.name(), u.reason(), u.temporary()));
			}
		}
		return new ShippingChoices(List.copyOf(offers), List.copyOf(unavailable));
	}

	/**
	 * One option priced for this context, as a cart needs it to add (or keep) a shipping method: {@code invalid_data}
	 * saying why when the option is unknown, deleted, disabled, of another region, does not serve the destination,
	 * when nothing needs shipping, or when it cannot be priced.
	 */
	public ShippingOffer quote(String optionId, ShippingContext context) {
		ShippingOption option = find(optionId)
			.orElseThrow(() -> LoupeException.invalidData("Shipping option with id " + shown(optionId) + " does not exist"));
		String id = option.id();
		if (!option.enabled()) {
			throw LoupeException.invalidData("Shipping option with id " + id + " is not available");
		}
		if (!option.regionId().equals(context.regionId())) {
			throw LoupeException.invalidData("Shipping option with id " + id + " is not valid for the cart's region");
		}
		if (!option.serves(context.countryCode())) {
			throw LoupeException.invalidData("Shipping option with id " + id + " does not ship to country "
					+ context.countryCode());
		}
		if (!context.requiresShipping()) {
			throw LoupeException.invalidData("No item of the cart requires shipping");
		}
		return switch (rate(option, context)) {
			case ShippingRate.Priced p -> offer(option, p);
			case ShippingRate.Pending p -> throw LoupeException.invalidData("Shipping option with id " + id
					+ " cannot be priced yet: " + p.reason());
			case ShippingRate.Unavailable u -> throw LoupeException.invalidData("Shipping option with id " + id
					+ " cannot ship this cart: " + u.reason());
		};
	}

	/** A live option (enabled or not) by id; empty for unknown, deleted or malformed ids. */
	public Optional<ShippingOption> find(String optionId) {
		return Ids.hasPrefix(optionId, "so") ? rows.option(optionId) : Optional.empty();
	}

	/** The live options of a region (every region's when null), enabled or not, oldest first: for the back office. */
	public List<ShippingOption> list(String regionId) {
		return regionId == null ? rows.allOptions() : rows.options(regionId);
	}

	private ShippingRate rate(ShippingOption option, ShippingContext context) {
		ShippingRateProvider provider = providers.get(option.providerId());
		// A provider removed from the application after options were set up with it: those options cannot ship.
		return provider == null ? new ShippingRate.Unavailable("its provider " + option.providerId() + " is not installed")
				: provider.rate(option, context);
	}

	private static ShippingOffer offer(ShippingOption o, ShippingRate.Priced rate) {
		return new ShippingOffer(o.id(), o.name(), o.profileId(), o.providerId(), o.priceType(),
				rate == null ? null : rate.amount(), rate == null ? defaultTaxInclusive(o) : rate.taxInclusive(), o.type(),
				o.data(), o.regionId(), o.prices());
	}

	private static boolean defaultTaxInclusive(ShippingOption o) {
		return o.prices().stream().anyMatch(ShippingPrice::taxInclusive)
				|| o.brackets().stream().anyMatch(WeightBracket::taxInclusive);
	}

	/** An id as it may be echoed in a message: without control or markup characters, and short. */
	static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>']", "?");
	}
}
