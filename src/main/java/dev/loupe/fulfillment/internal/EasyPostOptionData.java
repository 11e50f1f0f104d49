package dev.loupe.fulfillment.internal;

import com.easypost.model.Rate;
import dev.loupe.platform.LoupeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an EasyPost shipping option's {@code data} says: the carriers and services it may ship by (empty: any) and the
 * box its parcels go in ({@code parcel}: length, width, height in inches; absent: EasyPost prices by weight alone).
 * For example {@code {"carriers": ["USPS"], "services": ["Priority"], "parcel": {"length": 9, "width": 6, "height": 2}}}.
 */
public record EasyPostOptionData(List<String> carriers, List<String> services, BigDecimal length, BigDecimal width,
		BigDecimal height) {

	private static final BigDecimal GRAMS_PER_OUNCE = new BigDecimal("28.349523125");
	private static final BigDecimal MAX_DIMENSION = new BigDecimal("1000");

	/** Reads and checks the data ({@code invalid_data} naming the field). */
	public static EasyPostOptionData of(Map<String, Object> data) {
		if (data == null) {
			return new EasyPostOptionData(List.of(), List.of(), null, null, null);
		}
		for (String key : data.keySet()) {
			if (!List.of("carriers", "services", "parcel").contains(key)) {
				throw LoupeException.invalidData("data." + key + " is not an EasyPost setting (carriers, services, parcel)");
			}
		}
		BigDecimal l = null;
		BigDecimal w = null;
		BigDecimal h = null;
		if (data.get("parcel") != null) {
			if (!(data.get("parcel") instanceof Map<?, ?> parcel)) {
				throw LoupeException.invalidData("data.parcel must be an object with length, width and height");
			}
			l = dimension(parcel.get("length"), "length");
			w = dimension(parcel.get("width"), "width");
			h = dimension(parcel.get("height"), "height");
		}
		return new EasyPostOptionData(names(data.get("carriers"), "carriers"), names(data.get("services"), "services"),
				l, w, h);
	}

	/** The parcel of a shipment of this weight, in EasyPost's units (ounces, at least 1, and inches). */
	public Map<String, Object> parcel(long grams) {
		Map<String, Object> parcel = new LinkedHashMap<>();
		BigDecimal ounces = BigDecimal.valueOf(grams).divide(GRAMS_PER_OUNCE, 1, RoundingMode.CEILING);
		parcel.put("weight", ounces.max(BigDecimal.ONE));
		if (length != null) {
			parcel.put("length", length);
			parcel.put("width", width);
			parcel.put("height", height);
		}
		return parcel;
	}

	/** Whether the option may ship by this rate's carrier and service (case-insensitive). */
	public boolean allows(Rate rate) {
		return (carriers.isEmpty() || contains(carriers, rate.getCarrier()))
				&& (services.isEmpty() || contains(services, rate.getService()));
	}

	/** The cheapest allowed rate in this currency, if any. */
	public Optional<Rate> cheapest(List<Rate> rates, String currencyCode) {
		return (rates == null ? List.<Rate>of() : rates).stream()
			.filter(r -> r.getRate() != null && r.getCurrency() != null
					&& r.getCurrency().equalsIgnoreCase(currencyCode) && allows(r))
			.min(Comparator.comparing(r -> new BigDecimal(r.getRate().toString())));
	}

	private static boolean contains(List<String> names, String name) {
		return name != null && names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
	}

	private static List<String> names(Object value, String field) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list) || list.size() > 50) {
			throw LoupeException.invalidData("data." + field + " must be a list of up to 50 names");
		}
		List<String> out = new ArrayList<>();
		for (Object o : list) {
			if (!(o instanceof String s) || s.isBlank() || s.length() > 100) {
				throw LoupeException.invalidData("data." + field + " must hold names of 1 to 100 characters");
			}
			out.add(s.strip());
		}
		return List.copyOf(out);
	}

	private static BigDecimal dimension(Object value, String field) {
		BigDecimal d;
		try {
			d = value instanceof Number n ? new BigDecimal(n.toString()) : null;
		}
		catch (NumberFormatException e) {
			d = null;
		}
		if (d == null || d.signum() <= 0 || d.compareTo(MAX_DIMENSION) > 0) {
			throw LoupeException.invalidData("data.parcel." + field + " must be a number of inches above 0 and at most 1000");
		}
		return d;
	}
}
