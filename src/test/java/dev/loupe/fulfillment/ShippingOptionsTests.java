package dev.loupe.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Which options a context is offered and at what price, in a region of the test's own (Oceania: Australia and New
 * Zealand, in AUD) so that the demo store's options do not interfere; each test looks only at the options it made.
 */
@SpringBootTest
@ActiveProfiles("test")
class ShippingOptionsTests {

	@Autowired
	ShippingOptions options;

	@Autowired
	ShippingSetup setup;

	@Autowired
	Markets markets;

	@Autowired
	MarketSetup marketSetup;

	String oceania;
	String us;

	@BeforeEach
	void region() {
		oceania = markets.regions().stream().filter(r -> r.name().equals("Shipping test Oceania")).map(Region::id)
			.findFirst()
			.orElseGet(() -> marketSetup.createRegion(new RegionDraft("Shipping test Oceania", "aud", true,
					List.of("au", "nz"), List.of())));
		us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
	}

	private static Money aud(String amount) {
		return Money.of(amount, "AUD");
	}

	private ShippingContext to(String country, String subtotal, ShippedItem... items) {
		return new ShippingContext(oceania, "aud", country, null, null, aud(subtotal), List.of(items));
	}

	private static ShippedItem parcel(int quantity, Integer grams) {
		return new ShippedItem("variant_x", quantity, grams, true);
	}

	private String flat(String name, String amount, String freeOver, List<String> countries) {
		return setup.createOption(new ShippingOptionDraft(oceania, name, null, "manual_manual", "flat", countries,
				List.of(ShippingPrice.of(aud(amount), freeOver == null ? null : aud(freeOver), true)), List.of(), null, null,
				"standard", Map.of("note", "test"), true, null));
	}

	private String byWeight(String name) {
		return setup.createOption(new ShippingOptionDraft(oceania, name, null, "table-rate_table-rate", "calculated",
				List.of(), List.of(), List.of(new WeightBracket(2_000, aud("9.50"), true), new WeightBracket(500, aud("6"), true)),
				"By weight", "Up to 2 kg", "freight", null, true, null));
	}

	private Optional<ShippingOffer> offered(String optionId, ShippingContext context) {
		return options.available(context).stream().filter(o -> o.optionId().equals(optionId)).findFirst();
	}

	private static void refused(ThrowingCallable call, String... fragments) {
		assertThatThrownBy(call).isInstanceOfSatisfying(LoupeException.class, e -> {
			assertThat(e.type()).isEqualTo(ErrorType.INVALID_DATA);
			assertThat(e.getMessage()).contains(fragments);
		});
	}

	@Test
	void aFlatOptionIsOfferedInItsRegionWithItsPriceAndTypeAndNowhereElse() {
		String id = flat("Courier", "7.95", null, List.of());
		ShippingOffer offer = offered(id, to("au", "20", parcel(1, 300))).orElseThrow();
		assertThat(offer.amount()).isEqualTo(aud("7.95"));
		assertThat(offer.taxInclusive()).isTrue();
		assertThat(offer.providerId()).isEqualTo("manual_manual");
		assertThat(offer.priceType()).isEqualTo("flat");
		assertThat(offer.regionId()).isEqualTo(oceania);
		assertThat(offer.type().code()).isEqualTo("standard");
		assertThat(offer.type().label()).isEqualTo("Courier");
		assertThat(offer.data()).containsEntry("note", "test");
		assertThat(offer.prices()).singleElement().satisfies(p -> assertThat(p.id()).startsWith("soprice_"));
		assertThat(offer.profileId()).isEqualTo(setup.builtInProfile("default"));
		assertThat(options.quote(id, to(null, "20", parcel(1, 300))).amount()).isEqualTo(aud("7.95"));

		ShippingContext american = new ShippingContext(us, "usd", "us", null, null, Money.of("20", "USD"),
				List.of(parcel(1, 300)));
		assertThat(options.available(american)).extracting(ShippingOffer::optionId).doesNotContain(id);
		refused(() -> options.quote(id, american), id, "not valid for the cart's region");
	}

	@Test
	void anOptionRestrictedToSomeCountriesIsOfferedThereAndWhileThereIsNoAddress() {
		String id = flat("New Zealand Post", "12", null, List.of("NZ"));
		assertThat(offered(id, to("nz", "10", parcel(1, 100)))).isPresent();
		assertThat(offered(id, to(null, "10", parcel(1, 100)))).isPresent();
		assertThat(offered(id, to("au", "10", parcel(1, 100)))).isEmpty();
		refused(() -> options.quote(id, to("au", "10", parcel(1, 100))), "does not ship to country au");
		assertThat(options.find(id).orElseThrow().countryCodes()).containsExactly("nz");
	}

	@Test
	void shippingIsFreeFromTheThresholdOnExactlyAtTheBoundary() {
		String id = flat("Free over 75", "5.00", "75.00", List.of());
		assertThat(options.quote(id, to("au", "74.99", parcel(1, 100))).amount()).isEqualTo(aud("5.00"));
		assertThat(options.quote(id, to("au", "75.00", parcel(1, 100))).amount()).isEqualTo(aud("0"));
		assertThat(options.quote(id, to("au", "75.01", parcel(1, 100))).amount()).isEqualTo(aud("0"));
		assertThat(offered(id, to("au", "75", parcel(1, 100))).orElseThrow().amount().isZero()).isTrue();
	}

	@Test
	void tableRatesPickTheSmallestBracketThatHoldsTheWeightAndRefuseHeavierShipments() {
		String id = byWeight("Freight");
		assertThat(options.quote(id, to("au", "1", parcel(1, 0))).amount()).isEqualTo(aud("6"));
		assertThat(options.quote(id, to("au", "1", parcel(2, 250))).amount()).isEqualTo(aud("6"));
		assertThat(options.quote(id, to("au", "1", parcel(1, 501))).amount()).isEqualTo(aud("9.50"));
		assertThat(options.quote(id, to("au", "1", parcel(4, 500))).amount()).isEqualTo(aud("9.50"));
		// Unknown weights count as nothing; digital items weigh nothing.
		assertThat(options.quote(id, to("au", "1", parcel(3, null), new ShippedItem("v_digital", 9, 10_000, false)))
			.amount()).isEqualTo(aud("6"));
		ShippingOffer offer = offered(id, to(null, "1", parcel(1, 700))).orElseThrow();
		assertThat(offer.priceType()).isEqualTo("calculated");
		assertThat(offer.providerId()).isEqualTo("table-rate_table-rate");
		assertThat(offer.amount()).isEqualTo(aud("9.50"));

		ShippingContext heavy = to("au", "1", parcel(1, 2_001));
		assertThat(offered(id, heavy)).isEmpty();
		refused(() -> options.quote(id, heavy), "weighs 2001 g", "limit of 2000 g");
	}

	@Test
	void disabledAndDeletedOptionsAreNotOfferedNorQuoted() {
		String id = flat("Sometimes", "3", null, List.of());
		ShippingContext context = to("au", "10", parcel(1, 100));
		setup.setEnabled(id, false);
		assertThat(offered(id, context)).isEmpty();
		refused(() -> options.quote(id, context), "is not available");
		setup.setEnabled(id, true);
		assertThat(offered(id, context)).isPresent();
		setup.deleteOption(id);
		assertThat(offered(id, context)).isEmpty();
		assertThat(options.find(id)).isEmpty();
		refused(() -> options.quote(id, context), "does not exist");
		assertThatThrownBy(() -> setup.setEnabled(id, true)).isInstanceOfSatisfying(LoupeException.class,
				e -> assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND));
	}

	@Test
	void nothingIsOfferedWhenNoItemRequiresShipping() {
		String id = flat("For goods", "3", null, List.of());
		ShippingContext digital = to("au", "10", new ShippedItem("v_download", 1, null, false));
		assertThat(options.available(digital)).isEmpty();
		assertThat(options.available(to("au", "0"))).isEmpty();
		refused(() -> options.quote(id, digital), "No item of the cart requires shipping");
	}

	@Test
	void unknownAndMalformedIdsAreInvalidData() {
		ShippingContext context = to("au", "10", parcel(1, 100));
		refused(() -> options.quote(Ids.next("so"), context), "does not exist");
		refused(() -> options.quote("so_\u0000<script>", context), "does not exist", "so_??script?");
		refused(() -> options.quote(null, context), "does not exist");
		assertThat(options.find("x".repeat(10_000))).isEmpty();
	}

	@Test
	void updatesReplaceTheSettingsAndKeepTheRegion() {
		String id = flat("Before", "4", null, List.of());
		setup.updateOption(id, new ShippingOptionDraft(null, "After", null, "manual_manual", "flat", List.of("au"),
				List.of(ShippingPrice.of(aud("4.50"), aud("100"), false)), List.of(), "After", "Renamed", "express", null,
				true, Map.of("k", "v")));
		ShippingOption after = options.find(id).orElseThrow();
		assertThat(after.name()).isEqualTo("After");
		assertThat(after.type().code()).isEqualTo("express");
		assertThat(after.countryCodes()).containsExactly("au");
		assertThat(after.prices()).singleElement().satisfies(p -> {
			assertThat(p.amount()).isEqualTo(aud("4.50"));
			assertThat(p.freeOver()).isEqualTo(aud("100"));
			assertThat(p.taxInclusive()).isFalse();
		});
		assertThat(after.metadata()).containsEntry("k", "v");
		refused(() -> setup.updateOption(id, ShippingOptionDraft.flat(us, "Moved", "standard",
				ShippingPrice.of(Money.of("1", "USD"), null, false))), "region_id cannot change");
	}

	@Test
	void setupRefusesWhatCannotBeOffered() {
		ShippingPrice five = ShippingPrice.of(aud("5"), null, true);
		refused(() -> setup.createOption(ShippingOptionDraft.flat(oceania, "Euro", "standard",
				ShippingPrice.of(Money.of("5", "EUR"), null, true))), "prices[0].amount", "region's currency aud");
		refused(() -> setup.createOption(ShippingOptionDraft.flat(oceania, "Negative", "standard",
				ShippingPrice.of(aud("-0.01"), null, true))), "prices[0].amount must not be negative");
		refused(() -> setup.createOption(ShippingOptionDraft.flat(oceania, "Bad threshold", "standard",
				ShippingPrice.of(aud("5"), aud("-1"), true))), "prices[0].free_over must not be negative");
		refused(() -> setup.createOption(ShippingOptionDraft.flat(oceania, "  ", "standard", five)), "name is required");
		refused(() -> setup.createOption(ShippingOptionDraft.flat(oceania, "Nul\u0000", "standard", five)), "name");
		refused(() -> setup.createOption(ShippingOptionDraft.flat("reg_nowhere", "X", "standard", five)),
				"region_id 'reg_nowhere' is not a region");
		refused(() -> setup.createOption(ShippingOptionDraft.flat(oceania, "X", "Not A Code", five)), "type.code");
		refused(() -> setup.createOption(draft("easypost_easypost", "flat", List.of(), List.of(five), List.of())),
				"provider_id 'easypost_easypost' is not a fulfillment provider", "manual_manual", "table-rate_table-rate");
		refused(() -> setup.createOption(draft("manual_manual", "flat", List.of("de"), List.of(five), List.of())),
				"country_codes[0] 'de' is not a country of region Shipping test Oceania");
		refused(() -> setup.createOption(draft("manual_manual", "calculated", List.of(), List.of(five), List.of())),
				"price_type must be flat for provider manual_manual");
		refused(() -> setup.createOption(draft("manual_manual", "free", List.of(), List.of(five), List.of())),
				"price_type must be flat or calculated");
		refused(() -> setup.createOption(draft("manual_manual", "flat", List.of(), List.of(), List.of())),
				"prices must hold a price in aud");
		refused(() -> setup.createOption(draft("manual_manual", "flat", List.of(), List.of(five, five), List.of())),
				"prices[1] is a second price");
		refused(() -> setup.createOption(draft("table-rate_table-rate", "calculated", List.of(), List.of(), List.of())),
				"brackets must hold 1 to 100");
		refused(() -> setup.createOption(draft("table-rate_table-rate", "calculated", List.of(), List.of(),
				List.of(new WeightBracket(0, aud("1"), true)))), "brackets[0].up_to_grams must be positive");
		refused(() -> setup.createOption(draft("table-rate_table-rate", "calculated", List.of(), List.of(),
				List.of(new WeightBracket(10, aud("1"), true), new WeightBracket(10, aud("2"), true)))), "appears twice");
		refused(() -> setup.createOption(draft("table-rate_table-rate", "calculated", List.of(), List.of(),
				List.of(new WeightBracket(10, Money.of("1", "USD"), true)))), "brackets[0].amount", "region's currency");
		refused(() -> setup.createOption(new ShippingOptionDraft(oceania, "Ghost profile", Ids.next("sp"), "manual_manual",
				"flat", List.of(), List.of(five), List.of(), null, null, "standard", null, true, null)),
				"shipping_profile_id");
	}

	private ShippingOptionDraft draft(String provider, String priceType, List<String> countries,
			List<ShippingPrice> prices, List<WeightBracket> brackets) {
		return new ShippingOptionDraft(oceania, "Draft", null, provider, priceType, countries, prices, brackets, null,
				null, "standard", null, true, null);
	}

	@Test
	void profilesOfBuiltInTypesAreUniqueAndAProfileInUseCannotBeDeleted() {
		String standard = setup.builtInProfile("default");
		assertThat(setup.builtInProfile("default")).isEqualTo(standard);
		assertThat(setup.builtInProfile("digital")).isNotEqualTo(standard).startsWith("sp_");
		assertThatThrownBy(() -> setup.createProfile("Another default " + Ids.next("t"), "default", null))
			.isInstanceOfSatisfying(LoupeException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DUPLICATE_ERROR));
		refused(() -> setup.createProfile("Odd", "odd", null), "type must be one of");
		String oversize = setup.createProfile("Oversize " + Ids.next("t"), "custom", null);
		String option = setup.createOption(new ShippingOptionDraft(oceania, "Pallet", oversize, "manual_manual", "flat",
				List.of(), List.of(ShippingPrice.of(aud("80"), null, true)), List.of(), null, null, "pallet", null, true,
				null));
		assertThat(options.find(option).orElseThrow().profileId()).isEqualTo(oversize);
		assertThatThrownBy(() -> setup.deleteProfile(oversize)).isInstanceOfSatisfying(LoupeException.class,
				e -> assertThat(e.type()).isEqualTo(ErrorType.NOT_ALLOWED));
		setup.deleteOption(option);
		setup.deleteProfile(oversize);
		assertThat(setup.profiles()).extracting(ShippingProfile::id).doesNotContain(oversize).contains(standard);
	}
}
