package dev.loupe.storefront.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contact and address form of the checkout and the address book, as typed, with a message per invalid field.
 * Postal codes are checked against the country's format, so a typo is caught before shipping is priced.
 */
public record AddressForm(String email, String firstName, String lastName, String address1, String address2,
		String city, String province, String postalCode, String countryCode, String phone,
		Map<String, String> errors) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
	private static final Map<String, Pattern> POSTAL_CODES = Map.ofEntries(
			Map.entry("us", Pattern.compile("\\d{5}(-\\d{4})?")),
			Map.entry("gb", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}", Pattern.CASE_INSENSITIVE)),
			Map.entry("de", Pattern.compile("\\d{5}")), Map.entry("fr", Pattern.compile("\\d{5}")),
			Map.entry("it", Pattern.compile("\\d{5}")), Map.entry("es", Pattern.compile("\\d{5}")),
			Map.entry("at", Pattern.compile("\\d{4}")), Map.entry("be", Pattern.compile("\\d{4}")),
			Map.entry("nl", Pattern.compile("\\d{4} ?[A-Z]{2}", Pattern.CASE_INSENSITIVE)),
			Map.entry("ie", Pattern.compile("[A-Z\\d]{3} ?[A-Z\\d]{4}", Pattern.CASE_INSENSITIVE)));

	public static AddressForm empty(String email, String countryCode) {
		return new AddressForm(email, null, null, null, null, null, null, null, countryCode, null, Map.of());
	}

	/** The form as typed (control characters removed, lengths bounded), checked; {@link #valid()} tells the outcome. */
	public static AddressForm read(Map<String, String> in, boolean needsEmail, List<String> countries) {
		String email = field(in, "email", 254);
		String country = field(in, "country_code", 2);
		country = country == null ? null : country.toLowerCase(Locale.ROOT);
		AddressForm form = new AddressForm(email == null ? null : email.toLowerCase(Locale.ROOT),
				field(in, "first_name", 100), field(in, "last_name", 100), field(in, "address_1", 200),
				field(in, "address_2", 200), field(in, "city", 100), field(in, "province", 100),
				field(in, "postal_code", 20), country, field(in, "phone", 40), new LinkedHashMap<>());
		Map<String, String> errors = form.errors();
		if (needsEmail) {
			if (email == null) {
				errors.put("email", "Enter your email address so we can send your receipt.");
			}
			else if (!EMAIL.matcher(form.email()).matches()) {
				errors.put("email", "Enter an email address like name@example.com.");
			}
		}
		required(errors, "first_name", form.firstName(), "Enter your first name.");
		required(errors, "last_name", form.lastName(), "Enter your last name.");
		required(errors, "address_1", form.address1(), "Enter your street address.");
		required(errors, "city", form.city(), "Enter your city.");
		if (country == null || !countries.contains(country)) {
			errors.put("country_code", "Choose a country we ship to in this region.");
		}
		else {
			if (form.postalCode() == null) {
				errors.put("postal_code", "Enter your " + postalNoun(country) + ".");
			}
			else if (POSTAL_CODES.containsKey(country) && !POSTAL_CODES.get(country).matcher(form.postalCode()).matches()) {
				errors.put("postal_code", "Enter a valid " + postalNoun(country) + example(country) + ".");
			}
			if ("us".equals(country) && form.province() == null) {
				errors.put("province", "Enter your state.");
			}
		}
		if (form.phone() != null && !form.phone().matches("[+()0-9 .-]{5,40}")) {
			errors.put("phone", "Enter a phone number with digits, spaces and + only.");
		}
		return form;
	}

	public boolean valid() {
		return errors.isEmpty();
	}

	public String error(String field) {
		return errors.get(field);
	}

	/** The address in the Store API's field names, for the cart and the address book. */
	public Map<String, Object> address() {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("first_name", firstName);
		a.put("last_name", lastName);
		a.put("address_1", address1);
		a.put("address_2", address2);
		a.put("city", city);
		a.put("province", province);
		a.put("postal_code", postalCode == null ? null : postalCode.toUpperCase(Locale.ROOT));
		a.put("country_code", countryCode);
		a.put("phone", phone);
		return a;
	}

	public static String postalLabel(String country) {
		return switch (country == null ? "" : country) {
			case "us" -> "ZIP code";
			case "gb", "ie" -> "Postcode";
			default -> "Postal code";
		};
	}

	private static String postalNoun(String country) {
		return switch (country) {
			case "us" -> "ZIP code";
			case "gb", "ie" -> "postcode";
			default -> "postal code";
		};
	}

	private static String example(String country) {
		return switch (country) {
			case "us" -> " (5 digits, such as 94103)";
			case "gb" -> " (such as SW1A 1AA)";
			case "de", "fr", "it", "es" -> " (5 digits)";
			case "at", "be" -> " (4 digits)";
			case "nl" -> " (such as 1012 AB)";
			default -> "";
		};
	}

	private static void required(Map<String, String> errors, String name, String value, String message) {
		if (value == null) {
			errors.put(name, message);
		}
	}

	private static String field(Map<String, String> in, String name, int max) {
		String value = in.get(name);
		if (value == null) {
			return null;
		}
		String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
		if (clean.isEmpty()) {
			return null;
		}
		return clean.length() > max ? clean.substring(0, max) : clean;
	}
}
