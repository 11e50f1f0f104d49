package dev.loupe.fulfillment.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The address parcels ship from, as carriers need it for rates and labels ({@code LOUPE_WAREHOUSE_NAME},
 * {@code _COMPANY}, {@code _STREET1}, {@code _STREET2}, {@code _CITY}, {@code _STATE}, {@code _ZIP},
 * {@code _COUNTRY}, {@code _PHONE}, {@code _EMAIL}).
 */
@ConfigurationProperties("loupe.warehouse")
public record WarehouseProperties(String name, String company, String street1, String street2, String city,
		String state, String zip, @DefaultValue("US") String country, String phone, String email) {

	/** The address as EasyPost's {@code from_address}, without empty parts. */
	public Map<String, Object> asEasyPostAddress() {
		Map<String, Object> a = new LinkedHashMap<>();
		put(a, "name", name);
		put(a, "company", company);
		put(a, "street1", street1);
		put(a, "street2", street2);
		put(a, "city", city);
		put(a, "state", state);
		put(a, "zip", zip);
		put(a, "country", country);
		put(a, "phone", phone);
		put(a, "email", email);
		return a;
	}

	static void put(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value.strip());
		}
	}
}
