package dev.loupe.fulfillment.internal;

import com.easypost.model.Rate;
import com.easypost.model.Shipment;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingRate;
import dev.loupe.fulfillment.ShippingRateProvider;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Live carrier rates from EasyPost ({@code easypost_easypost}, calculated options): a shipment from the warehouse to
 * the cart's destination with a parcel of the shipped items' weight (in the option's box when it names one), and the
 * cheapest of the returned rates whose carrier and service the option allows and whose currency is the cart's.
 * Quotes are kept per option, destination and parcel for {@code rate-cache-ttl} (15 minutes): listing options and
 * choosing one costs one call. When EasyPost fails or times out the option is not offered (and quoting it says
 * why); the failure is kept for a short while so a checkout is not slowed by every retry. Installed only with an
 * API key: without one, options of this provider cannot be created and existing ones are not offered.
 */
@Component
@ConditionalOnExpression("!'${loupe.easypost.api-key:}'.isBlank()")
class EasyPostRateProvider implements ShippingRateProvider {

	static final String ID = "easypost_easypost";
	private static final Duration FAILURE_TTL = Duration.ofSeconds(30);
	private static final Logger log = LoggerFactory.getLogger(EasyPostRateProvider.class);

	private final EasyPostGateway gateway;
	private final Cache<Key, Quote> quotes;

	EasyPostRateProvider(EasyPostGateway gateway, EasyPostProperties properties) {
		this.gateway = gateway;
		Duration ttl = properties.rateCacheTtl();
		this.quotes = Caffeine.newBuilder()
			.maximumSize(20_000)
			.expireAfter(new Expiry<Key, Quote>() {
				@Override
				public long expireAfterCreate(Key key, Quote value, long currentTime) {
					return (value.failed() ? FAILURE_TTL : ttl).toNanos();
				}

				@Override
				public long expireAfterUpdate(Key key, Quote value, long currentTime, long currentDuration) {
					return expireAfterCreate(key, value, currentTime);
				}

				@Override
				public long expireAfterRead(Key key, Quote value, long currentTime, long currentDuration) {
					return currentDuration;
				}
			})
			.build();
	}

	/** What is quoted: one option (as last changed) for one destination and parcel, in one currency. */
	private record Key(String optionId, Instant optionUpdatedAt, String country, String province, String postalCode,
			String currency, Map<String, Object> parcel) {
	}

	/** A provider's answer, and whether it comes from a failed call (kept only briefly). */
	private record Quote(ShippingRate rate, boolean failed) {
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(ShippingOptionDraft draft, String currencyCode) {
		if (!"calculated".equals(draft.priceType())) {
			throw LoupeException.invalidData("price_type must be calculated for provider " + ID);
		}
		if (!draft.prices().isEmpty() || !draft.brackets().isEmpty()) {
			throw LoupeException.invalidData("provider " + ID + " prices by carrier rates: leave prices and brackets out");
		}
		EasyPostOptionData.of(draft.data());
	}

	@Override
	public ShippingRate rate(ShippingOption option, ShippingContext context) {
		if (!gateway.configured()) {
			return new ShippingRate.Unavailable("EasyPost is not configured");
		}
		if (context.countryCode() == null || context.postalCode() == null || context.postalCode().isBlank()) {
			return new ShippingRate.Pending("carrier rates need the shipping address's country and postal code");
		}
		EasyPostOptionData data;
		try {
			data = EasyPostOptionData.of(option.data());
		}
		catch (LoupeException e) {
			return new ShippingRate.Unavailable("its EasyPost settings are invalid: " + e.getMessage());
		}
		Map<String, Object> parcel = data.parcel(context.shippedWeightGrams());
		Key key = new Key(option.id(), option.updatedAt(), context.countryCode(), context.province(),
				context.postalCode().strip(), context.currencyCode(), parcel);
		return quotes.get(key, k -> quote(data, k)).rate();
	}

	private Quote quote(EasyPostOptionData data, Key key) {
		Map<String, Object> to = new LinkedHashMap<>();
		to.put("country", key.country().toUpperCase(Locale.ROOT));
		to.put("zip", key.postalCode());
		if (key.province() != null && !key.province().isBlank()) {
			to.put("state", key.province());
		}
		Shipment shipment;
		try {
			shipment = gateway.createShipment(to, key.parcel(), null);
		}
		catch (EasyPostGateway.CarrierFailure e) {
			log.warn("Shipping option {} is not offered: {}", key.optionId(), e.getMessage());
			return new Quote(new ShippingRate.Unavailable("carrier rates are unavailable right now (EasyPost did not answer)", true),
					true);
		}
		Rate cheapest = data.cheapest(shipment.getRates(), key.currency()).orElse(null);
		if (cheapest == null) {
			return new Quote(new ShippingRate.Unavailable("no carrier offers a rate in " + key.currency()
					+ " for this address"), false);
		}
		Money amount = Money.of(new BigDecimal(cheapest.getRate().toString()), key.currency()).rounded();
		// Carrier rates are net of tax; the cart adds the region's tax to shipping as for any exclusive price.
		return new Quote(new ShippingRate.Priced(amount, false), false);
	}
}
