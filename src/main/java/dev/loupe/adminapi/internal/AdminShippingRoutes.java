package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.fulfillment.ShippingProfile;
import dev.loupe.fulfillment.ShippingSetup;
import dev.loupe.fulfillment.WeightBracket;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.platform.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medusa's {@code /admin/shipping-options} and {@code /admin/shipping-profiles}. The region stands in for Medusa's
 * service zone ({@code service_zone_id}); Loupe's own fields are {@code country_codes}, {@code is_enabled},
 * {@code prices[].free_over}, {@code prices[].is_tax_inclusive} (default: the region's setting) and {@code brackets}
 * of table-rate options. An update changes only the fields present.
 */
@RestController
class AdminShippingRoutes {

	private static final Set<String> FIELDS = Set.of("name", "service_zone_id", "region_id", "shipping_profile_id",
			"provider_id", "price_type", "type", "prices", "brackets", "country_codes", "data", "metadata", "is_enabled");

	private final ShippingOptions options;
	private final ShippingSetup setup;
	private final Markets markets;
	private final AuditLog audit;
	private final AdminRequest requests;

	AdminShippingRoutes(ShippingOptions options, ShippingSetup setup, Markets markets, AuditLog audit,
			AdminRequest requests) {
		this.options = options;
		this.setup = setup;
		this.markets = markets;
		this.audit = audit;
		this.requests = requests;
	}

	// ---------------------------------------------------------------- options

	@GetMapping("/admin/shipping-options")
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		String region = query.text("service_zone_id") != null ? query.text("service_zone_id") : query.text("region_id");
		List<Map<String, Object>> all = options.list(region).stream().map(AdminShippingRoutes::json).toList();
		return AdminJson.list("shipping_options", all, all.size(), 0, all.size());
	}

	@GetMapping("/admin/shipping-options/{id}")
	Map<String, Object> get(@PathVariable String id) {
		return Map.of("shipping_option", json(option(id)));
	}

	@PostMapping("/admin/shipping-options")
	@Transactional
	Map<String, Object> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(FIELDS);
		if (body.raw("service_zone_id") == null && body.raw("region_id") == null) {
			throw body.invalid("service_zone_id", "is required: the id of the option's region");
		}
		String regionId = body.has("service_zone_id") ? body.requiredText("service_zone_id", 100)
				: body.requiredText("region_id", 100);
		Region region = region(regionId);
		Input type = body.object("type");
		if (type == null) {
			throw body.invalid("type", "is required");
		}
		type.allow(Set.of("label", "description", "code"));
		String id = setup.createOption(new ShippingOptionDraft(region.id(), body.requiredText("name", 200),
				body.text("shipping_profile_id", 100), body.requiredText("provider_id", 100),
				body.requiredText("price_type", 20), countries(body), prices(body, region), brackets(body, region),
				type.text("label", 200), type.text("description", 1000), type.requiredText("code", 50),
				body.metadata("data"), body.bool("is_enabled") == null || body.bool("is_enabled"),
				body.metadata("metadata")));
		audit.record(AdminRequest.actor(http), "shipping_option.created", "shipping_option", id, null);
		return Map.of("shipping_option", json(option(id)));
	}

	@PostMapping("/admin/shipping-options/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(FIELDS);
		ShippingOption o = option(id);
		Region region = region(o.regionId());
		Input type = body.object("type");
		if (type != null) {
			type.allow(Set.of("label", "description", "code"));
		}
		setup.updateOption(o.id(), new ShippingOptionDraft(body.has("service_zone_id") ? body.text("service_zone_id", 100)
				: body.has("region_id") ? body.text("region_id", 100) : null,
				body.has("name") ? body.requiredText("name", 200) : o.name(),
				body.has("shipping_profile_id") ? body.requiredText("shipping_profile_id", 100) : o.profileId(),
				body.has("provider_id") ? body.requiredText("provider_id", 100) : o.providerId(),
				body.has("price_type") ? body.requiredText("price_type", 20) : o.priceType(),
				body.has("country_codes") ? countries(body) : o.countryCodes(),
				body.has("prices") ? prices(body, region) : o.prices(),
				body.has("brackets") ? brackets(body, region) : o.brackets(),
				type != null && type.has("label") ? type.text("label", 200) : o.type().label(),
				type != null && type.has("description") ? type.text("description", 1000) : o.type().description(),
				type != null && type.has("code") ? type.requiredText("code", 50) : o.type().code(),
				body.has("data") ? body.metadata("data") : o.data(),
				body.has("is_enabled") ? Boolean.TRUE.equals(body.bool("is_enabled")) : o.enabled(),
				body.has("metadata") ? body.metadata("metadata") : o.metadata()));
		audit.record(AdminRequest.actor(http), "shipping_option.updated", "shipping_option", o.id(),
				Map.of("fields", body.names().stream().sorted().toList()));
		return Map.of("shipping_option", json(option(o.id())));
	}

	@DeleteMapping("/admin/shipping-options/{id}")
	@Transactional
	Map<String, Object> delete(@PathVariable String id, HttpServletRequest http) {
		setup.deleteOption(id);
		audit.record(AdminRequest.actor(http), "shipping_option.deleted", "shipping_option", id, null);
		return AdminJson.deleted(id, "shipping_option", null);
	}

	// ---------------------------------------------------------------- profiles

	@GetMapping("/admin/shipping-profiles")
	Map<String, Object> profiles() {
		List<Map<String, Object>> all = setup.profiles().stream().map(AdminShippingRoutes::json).toList();
		return AdminJson.list("shipping_profiles", all, all.size(), 0, all.size());
	}

	@PostMapping("/admin/shipping-profiles")
	@Transactional
	Map<String, Object> createProfile(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(Set.of("name", "type", "metadata"));
		String type = body.text("type", 20);
		String id = setup.createProfile(body.requiredText("name", 200), type == null ? "custom" : type,
				body.metadata("metadata"));
		audit.record(AdminRequest.actor(http), "shipping_profile.created", "shipping_profile", id, null);
		return Map.of("shipping_profile", json(setup.profiles().stream().filter(p -> p.id().equals(id)).findFirst()
			.orElseThrow()));
	}

	@DeleteMapping("/admin/shipping-profiles/{id}")
	@Transactional
	Map<String, Object> deleteProfile(@PathVariable String id, HttpServletRequest http) {
		setup.deleteProfile(id);
		audit.record(AdminRequest.actor(http), "shipping_profile.deleted", "shipping_profile", id, null);
		return AdminJson.deleted(id, "shipping_profile", null);
	}

	// ---------------------------------------------------------------- reading bodies

	private ShippingOption option(String id) {
		return options.find(id).orElseThrow(() -> LoupeException.notFound("Shipping option", shown(id)));
	}

	private Region region(String id) {
		return (Ids.isWellFormed(id) ? markets.region(id) : java.util.Optional.<Region>empty())
			.orElseThrow(() -> LoupeException.invalidData("service_zone_id '" + shown(id) + "' is not a region of this store"));
	}

	private static List<String> countries(Input body) {
		List<String> codes = body.texts("country_codes", 300, 10);
		return codes == null ? List.of() : codes;
	}

	private static List<ShippingPrice> prices(Input body, Region region) {
		List<Input> items = body.objects("prices", 20);
		List<ShippingPrice> out = new ArrayList<>();
		for (Input p : items == null ? List.<Input>of() : items) {
			p.allow(Set.of("currency_code", "amount", "free_over", "is_tax_inclusive"));
			String currency = p.requiredText("currency_code", 3);
			Boolean inclusive = p.bool("is_tax_inclusive");
			out.add(ShippingPrice.of(money(p, "amount", currency, true), money(p, "free_over", currency, false),
					inclusive == null ? region.taxInclusive() : inclusive));
		}
		return out;
	}

	private static List<WeightBracket> brackets(Input body, Region region) {
		List<Input> items = body.objects("brackets", 100);
		List<WeightBracket> out = new ArrayList<>();
		for (Input b : items == null ? List.<Input>of() : items) {
			b.allow(Set.of("up_to_grams", "currency_code", "amount", "is_tax_inclusive"));
			if (b.raw("up_to_grams") == null) {
				throw b.invalid("up_to_grams", "is required");
			}
			int grams = b.integer("up_to_grams", 1, Integer.MAX_VALUE);
			String currency = b.requiredText("currency_code", 3);
			Boolean inclusive = b.bool("is_tax_inclusive");
			out.add(new WeightBracket(grams, money(b, "amount", currency, true),
					inclusive == null ? region.taxInclusive() : inclusive));
		}
		return out;
	}

	private static Money money(Input in, String field, String currency, boolean required) {
		BigDecimal amount = in.decimal(field);
		if (amount == null) {
			if (required) {
				throw in.invalid(field, "is required");
			}
			return null;
		}
		try {
			return Money.of(amount, currency);
		}
		catch (LoupeException e) {
			throw in.invalid("currency_code", "must be an ISO 4217 currency code");
		}
	}

	// ---------------------------------------------------------------- documents

	private static Map<String, Object> json(ShippingOption o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.id());
		m.put("name", o.name());
		m.put("price_type", o.priceType());
		m.put("service_zone_id", o.regionId());
		m.put("shipping_profile_id", o.profileId());
		m.put("provider_id", o.providerId());
		m.put("shipping_option_type_id", o.type().id());
		m.put("type", Map.of("id", o.type().id(), "label", o.type().label(), "description", o.type().description(),
				"code", o.type().code()));
		m.put("data", o.data());
		m.put("metadata", o.metadata());
		m.put("country_codes", o.countryCodes());
		m.put("is_enabled", o.enabled());
		List<Map<String, Object>> prices = new ArrayList<>();
		for (ShippingPrice p : o.prices()) {
			Map<String, Object> price = new LinkedHashMap<>();
			price.put("id", p.id());
			price.put("currency_code", p.amount().currencyCodeLower());
			price.put("amount", p.amount().amount());
			price.put("free_over", p.freeOver() == null ? null : p.freeOver().amount());
			price.put("is_tax_inclusive", p.taxInclusive());
			prices.add(price);
		}
		m.put("prices", prices);
		m.put("brackets", o.brackets().stream().map(b -> Map.of("up_to_grams", b.upToGrams(), "currency_code",
				b.amount().currencyCodeLower(), "amount", b.amount().amount(), "is_tax_inclusive", b.taxInclusive()))
			.toList());
		m.put("created_at", time(o.createdAt()));
		m.put("updated_at", time(o.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	private static Map<String, Object> json(ShippingProfile p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("name", p.name());
		m.put("type", p.type());
		m.put("metadata", p.metadata());
		m.put("created_at", time(p.createdAt()));
		m.put("updated_at", time(p.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>']", "?");
	}
}
