package dev.loupe.market;

import dev.loupe.platform.LoupeException;
import java.util.Locale;
import java.util.Map;

/** A country as regions know it: ISO 3166 codes and English names. */
public record Country(String iso2, String iso3, String numCode, String name, String displayName) {

	// ISO 3166-1 numeric codes of the countries Loupe sells to; the JDK knows the alpha codes and names, not these.
	private static final Map<String, String> NUMERIC = Map.ofEntries(Map.entry("us", "840"), Map.entry("ca", "124"),
			Map.entry("gb", "826"), Map.entry("ie", "372"), Map.entry("de", "276"), Map.entry("fr", "250"),
			Map.entry("nl", "528"), Map.entry("be", "056"), Map.entry("lu", "442"), Map.entry("it", "380"),
			Map.entry("es", "724"), Map.entry("pt", "620"), Map.entry("at", "040"), Map.entry("ch", "756"),
			Map.entry("dk", "208"), Map.entry("se", "752"), Map.entry("no", "578"), Map.entry("fi", "246"),
			Map.entry("pl", "616"), Map.entry("cz", "203"), Map.entry("sk", "703"), Map.entry("si", "705"),
			Map.entry("hr", "191"), Map.entry("hu", "348"), Map.entry("ro", "642"), Map.entry("bg", "100"),
			Map.entry("gr", "300"), Map.entry("cy", "196"), Map.entry("mt", "470"), Map.entry("ee", "233"),
			Map.entry("lv", "428"), Map.entry("lt", "440"), Map.entry("au", "036"), Map.entry("nz", "554"),
			Map.entry("jp", "392"));

	/** Every country a region may hold, by English name. */
	public static java.util.List<Country> supported() {
		return NUMERIC.keySet().stream().map(Country::of)
			.sorted(java.util.Comparator.comparing(Country::displayName))
			.toList();
	}

	/** The country with this ISO alpha-2 code (any case); unknown codes are invalid data. */
	public static Country of(String iso2) {
		String code = iso2 == null ? "" : iso2.toLowerCase(Locale.ROOT);
		String numeric = NUMERIC.get(code);
		if (numeric == null) {
			throw LoupeException.invalidData("Country code '" + iso2 + "' is not supported");
		}
		Locale locale = Locale.of("", code.toUpperCase(Locale.ROOT));
		String name = locale.getDisplayCountry(Locale.ENGLISH);
		return new Country(code, locale.getISO3Country().toLowerCase(Locale.ROOT), numeric,
				name.toUpperCase(Locale.ROOT), name);
	}
}
