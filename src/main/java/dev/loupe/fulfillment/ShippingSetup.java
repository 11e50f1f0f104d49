package dev.loupe.fulfillment;

import dev.loupe.fulfillment.internal.ShippingRows;
import dev.loupe.market.Country;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up shipping: profiles and options, for the demo, tests and the back office. Every refusal is
 * {@code invalid_data} naming the field: a name is required, amounts are not negative and are in the region's
 * currency, countries are the region's, and the provider is installed and accepts the option's pricing.
 */
@Service
@Transactional
public class ShippingSetup {

	private static final Set<String> PROFILE_TYPES = Set.of("default", "digital", "custom");
	private static final Pattern TYPE_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
	private static final int MAX_TEXT = 200;
	private static final int MAX_JSON = 10_000;

	private final ShippingRows rows;
	private final Markets markets;
	private final Map<String, ShippingRateProvider> providers;

	ShippingSetup(ShippingRows rows, Markets markets, List<ShippingRateProvider> providers) {
		this.rows = rows;
		this.markets = markets;
		this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(ShippingRateProvider::id,
				Function.identity()));
	}

	// ---------------------------------------------------------------- profiles

	/** Creates a profile; {@code type} is {@code default}, {@code digital} (one live profile each) or {@code custom}. */
	public String createProfile(String name, String type, Map<String, Object> metadata) {
		String checkedName = text("name", name);
		if (type == null || !PROFILE_TYPES.contains(type)) {
			throw LoupeException.invalidData("type must be one of default, digital, custom");
		}
		if (!type.equals("custom") && rows.profileOfType(type).isPresent()) {
			throw LoupeException.duplicate("A shipping profile of type " + type + " already exists");
		}
		if (rows.profileNameTaken(checkedName, null)) {
			throw LoupeException.duplicate("A shipping profile named " + checkedName + " already exists");
		}
		String id = Ids.next("sp");
		rows.insertProfile(id, checkedName, type, json("metadata", metadata));
		return id;
	}

	/** The live profile of a built-in type ({@code default}: "Default", {@code digital}: "Digital"), created if missing. */
	public String builtInProfile(String type) {
		if (!"default".equals(type) && !"digital".equals(type)) {
			throw LoupeException.invalidData("type must be default or digital");
		}
		return rows.profileOfType(type)
			.map(ShippingProfile::id)
			.orElseGet(() -> createProfile(type.equals("default") ? "Default" : "Digital", type, null));
	}

	public List<ShippingProfile> profiles() {
		return rows.profiles();
	}

	public void renameProfile(String id, String name) {
		profile(id);
		String checkedName = text("name", name);
		if (rows.profileNameTaken(checkedName, id)) {
			throw LoupeException.duplicate("A shipping profile named " + checkedName + " already exists");
		}
		rows.renameProfile(id, checkedName);
	}

	/** Deletes a profile that no live option uses ({@code not_allowed} otherwise). */
	public void deleteProfile(String id) {
		profile(id);
		if (rows.profileInUse(id)) {
			throw LoupeException.notAllowed("Shipping profile " + id + " is used by shipping options");
		}
		rows.deleteProfile(id);
	}

	private ShippingProfile profile(String id) {
		return (Ids.hasPrefix(id, "sp") ? rows.profile(id) : java.util.Optional.<ShippingProfile>empty())
			.orElseThrow(() -> LoupeException.notFound("Shipping profile", ShippingOptions.shown(id)));
	}

	// ---------------------------------------------------------------- options

	/** Creates an option after checking the draft. */
	public String createOption(ShippingOptionDraft draft) {
		Region region = region(draft.regionId());
		Checked checked = check(draft, region);
		String id = Ids.next("so");
		rows.insertOption(id, checked.profileId(), checked.draft(), checked.countries());
		return id;
	}

	/** Replaces an option's settings; its region cannot change (create another option instead). */
	public void updateOption(String id, ShippingOptionDraft draft) {
		ShippingOption current = option(id);
		if (draft.regionId() != null && !draft.regionId().equals(current.regionId())) {
			throw LoupeException.invalidData("region_id cannot change; create an option in the other region");
		}
		Region region = region(current.regionId());
		Checked checked = check(draft, region);
		rows.updateOption(id, checked.profileId(), checked.draft(), checked.countries());
	}

	public void setEnabled(String id, boolean enabled) {
		option(id);
		rows.setEnabled(id, enabled);
	}

	/** Soft-deletes an option: it is no longer offered, and carts that chose it will find it invalid. */
	public void deleteOption(String id) {
		option(id);
		rows.deleteOption(id);
	}

	private ShippingOption option(String id) {
		return (Ids.hasPrefix(id, "so") ? rows.option(id) : java.util.Optional.<ShippingOption>empty())
			.orElseThrow(() -> LoupeException.notFound("Shipping option", ShippingOptions.shown(id)));
	}

	private Region region(String regionId) {
		return (Ids.isWellFormed(regionId) ? markets.region(regionId) : java.util.Optional.<Region>empty())
			.orElseThrow(() -> LoupeException.invalidData("region_id '" + ShippingOptions.shown(regionId)
					+ "' is not a region of this store"));
	}

	private record Checked(ShippingOptionDraft draft, String profileId, List<String> countries) {
	}

	private Checked check(ShippingOptionDraft d, Region region) {
		String currency = region.currencyCode().toLowerCase(Locale.ROOT);
		String name = text("name", d.name());
		ShippingRateProvider provider = d.providerId() == null ? null : providers.get(d.providerId());
		if (provider == null) {
			throw LoupeException.invalidData("provider_id '" + ShippingOptions.shown(d.providerId())
					+ "' is not a fulfillment provider; installed: " + String.join(", ", providers.keySet().stream().sorted().toList()));
		}
		if (!"flat".equals(d.priceType()) && !"calculated".equals(d.priceType())) {
			throw LoupeException.invalidData("price_type must be flat or calculated");
		}
		String profileId = d.profileId() == null ? builtInProfile("default") : d.profileId();
		if (!Ids.hasPrefix(profileId, "sp") || rows.profile(profileId).isEmpty()) {
			throw LoupeException.invalidData("shipping_profile_id '" + ShippingOptions.shown(profileId)
					+ "' is not a shipping profile");
		}
		List<String> countries = countries(d.countryCodes(), region);
		List<ShippingPrice> prices = d.prices() == null ? List.of() : d.prices();
		Set<String> currencies = new HashSet<>();
		for (int i = 0; i < prices.size(); i++) {
			ShippingPrice p = prices.get(i);
			amount("prices[" + i + "].amount", p.amount(), currency);
			if (p.freeOver() != null) {
				amount("prices[" + i + "].free_over", p.freeOver(), currency);
				if (p.freeOver().amount().signum() == 0) {
					// Free over 0 is always free: say so with an amount of 0 instead.
					throw LoupeException.invalidData("prices[" + i + "].free_over must be greater than 0");
				}
			}
			if (!currencies.add(p.amount().currencyCodeLower())) {
				throw LoupeException.invalidData("prices[" + i + "] is a second price in " + currency);
			}
		}
		List<WeightBracket> brackets = d.brackets() == null ? List.of() : d.brackets();
		for (int i = 0; i < brackets.size(); i++) {
			amount("brackets[" + i + "].amount", brackets.get(i).amount(), currency);
		}
		String label = d.typeLabel() == null || d.typeLabel().isBlank() ? name : text("type.label", d.typeLabel());
		String description = d.typeDescription() == null ? "" : d.typeDescription().strip();
		if (description.length() > 1000 || description.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("type.description must be at most 1000 characters without NUL");
		}
		String code = d.typeCode() == null ? "" : d.typeCode().strip();
		if (!TYPE_CODE.matcher(code).matches()) {
			throw LoupeException.invalidData("type.code must be 1 to 50 lower-case letters, digits, - or _ such as standard");
		}
		ShippingOptionDraft clean = new ShippingOptionDraft(region.id(), name, profileId, provider.id(), d.priceType(),
				countries, prices, brackets, label, description, code, json("data", d.data()), d.enabled(),
				json("metadata", d.metadata()));
		provider.check(clean, currency);
		return new Checked(clean, profileId, countries);
	}

	private static List<String> countries(List<String> codes, Region region) {
		if (codes == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i) == null ? "" : codes.get(i).strip().toLowerCase(Locale.ROOT);
			if (region.countries().stream().map(Country::iso2).noneMatch(code::equals)) {
				throw LoupeException.invalidData("country_codes[" + i + "] '" + ShippingOptions.shown(code)
						+ "' is not a country of region " + region.name());
			}
			if (!out.contains(code)) {
				out.add(code);
			}
		}
		return out;
	}

	private static void amount(String field, Money amount, String currency) {
		if (amount == null) {
			throw LoupeException.invalidData(field + " is required");
		}
		if (!amount.currencyCodeLower().equals(currency)) {
			throw LoupeException.invalidData(field + " must be in the region's currency " + currency + ", not "
					+ amount.currencyCodeLower());
		}
		BigDecimal a = amount.amount();
		if (a.signum() < 0) {
			throw LoupeException.invalidData(field + " must not be negative");
		}
		if (a.scale() > 6 || a.precision() - a.scale() > 14) {
			throw LoupeException.invalidData(field + " is out of range");
		}
	}

	private static String text(String field, String value) {
		if (value == null || value.isBlank()) {
			throw LoupeException.invalidData(field + " is required");
		}
		if (value.length() > MAX_TEXT || value.indexOf('\0') >= 0) {
			throw LoupeException.invalidData(field + " must be at most " + MAX_TEXT + " characters without NUL");
		}
		return value.strip();
	}

	private static Map<String, Object> json(String field, Map<String, Object> value) {
		String written = Json.write(value);
		if (written != null && (written.length() > MAX_JSON || written.contains("\\u0000"))) {
			throw LoupeException.invalidData(field + " must be at most " + MAX_JSON + " characters as JSON, without NUL");
		}
		return written == null ? null : value;
	}

	// ---------------------------------------------------------------- demo

	/**
	 * The demo store's options: United States "Standard" 5.00 free from 75.00, "Express" 15.00 and "Freight by weight"
	 * (table rate); Europe "Standard" 4.90 free from 60.00 and "Express" 12.90; United Kingdom "Standard" 3.95 free
	 * from 50.00. US prices exclude sales tax; European and British prices include VAT, as the regions' prices do.
	 */
	public void loadDemo(String usRegionId, String europeRegionId, String ukRegionId) {
		builtInProfile("default");
		builtInProfile("digital");
		createOption(flat(usRegionId, "Standard", "standard", "Delivery in 3-5 business days", "5.00", "75.00", "usd", false));
		createOption(flat(usRegionId, "Express", "express", "Next business day", "15.00", null, "usd", false));
		createOption(new ShippingOptionDraft(usRegionId, "Freight by weight", null, "table-rate_table-rate", "calculated",
				List.of(), List.of(), List.of(new WeightBracket(500, Money.of("6.00", "usd"), false),
						new WeightBracket(2_000, Money.of("9.50", "usd"), false),
						new WeightBracket(10_000, Money.of("19.00", "usd"), false)),
				"Freight by weight", "Priced by parcel weight, up to 10 kg", "freight", null, true, null));
		createOption(flat(europeRegionId, "Standard", "standard", "Delivery in 2-4 business days", "4.90", "60.00", "eur", true));
		createOption(flat(europeRegionId, "Express", "express", "Next business day", "12.90", null, "eur", true));
		createOption(flat(ukRegionId, "Standard", "standard", "Delivery in 2-3 business days", "3.95", "50.00", "gbp", true));
	}

	private static ShippingOptionDraft flat(String regionId, String name, String code, String description, String amount,
			String freeOver, String currency, boolean taxInclusive) {
		return new ShippingOptionDraft(regionId, name, null, "manual_manual", "flat", List.of(),
				List.of(ShippingPrice.of(Money.of(amount, currency), freeOver == null ? null : Money.of(freeOver, currency),
						taxInclusive)),
				List.of(), name, description, code, null, true, null);
	}
}
