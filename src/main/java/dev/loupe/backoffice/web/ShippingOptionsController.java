package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.fulfillment.ShippingSetup;
import dev.loupe.fulfillment.WeightBracket;
import dev.loupe.identity.Permission;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Creating and editing shipping options for admins: a flat rate of the manual provider in the region's currency
 * (free from an optional item subtotal), or a table rate by parcel weight; the countries it ships to and whether it
 * is offered. The fulfillment module checks the option; nothing caches options, so the Store API offers the change
 * to the next cart that asks. Options of other providers (carrier rates) keep their pricing and only their name,
 * presentation, countries and status change here.
 */
@Controller
public class ShippingOptionsController {

	static final String MANUAL = "manual_manual";
	static final String TABLE = "table-rate_table-rate";
	private static final int MAX_BRACKETS = 50;

	private final Markets markets;
	private final ShippingOptions shippingOptions;
	private final ShippingSetup shippingSetup;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	ShippingOptionsController(Markets markets, ShippingOptions shippingOptions, ShippingSetup shippingSetup,
			AuditLog audit, TransactionTemplate tx) {
		this.markets = markets;
		this.shippingOptions = shippingOptions;
		this.shippingSetup = shippingSetup;
		this.audit = audit;
		this.tx = tx;
	}

	/**
	 * The option form as typed: {@code kind} is {@code flat}, {@code table} or {@code carrier} (another provider,
	 * whose pricing is kept); {@code brackets} one "grams amount" pair a line.
	 */
	public record OptionForm(String regionId, String name, String kind, String amount, String freeOver,
			String brackets, String code, String description, Set<String> countries, boolean enabled, String error) {

		OptionForm withError(String message) {
			return new OptionForm(regionId, name, kind, amount, freeOver, brackets, code, description, countries,
					enabled, message);
		}
	}

	@GetMapping("/app/settings/store/shipping/new")
	@Requires(Permission.SETTINGS_WRITE)
	String newOption(@RequestParam(defaultValue = "") String region, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String regionId = markets.regions().stream().map(Region::id).filter(region::equals).findFirst()
			.orElse(markets.regions().isEmpty() ? "" : markets.regions().getFirst().id());
		return page(request, response, model, null, new OptionForm(regionId, "", "flat", "", "", "", "standard", "",
				Set.of(), true, null));
	}

	@PostMapping("/app/settings/store/shipping")
	@Requires(Permission.SETTINGS_WRITE)
	String create(@RequestParam(name = "region_id", defaultValue = "") String regionId,
			@RequestParam Map<String, String> params,
			@RequestParam(name = "country", required = false) List<String> countries, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		OptionForm typed = typed(clip(regionId, 60), params, countries);
		try {
			Region region = (regionId.length() <= 60 ? markets.region(regionId) : Optional.<Region>empty())
				.orElseThrow(() -> LoupeException.invalidData("Choose a region from the list."));
			ShippingOptionDraft draft = draft(typed, region, null);
			String id = tx.execute(s -> {
				String created = shippingSetup.createOption(draft);
				Forms.record(audit, staff, request, "shipping_option.created", "shipping_option", created,
						details(draft));
				return created;
			});
			Flash.put(request, response, Flash.success(draft.name() + " is set up for " + region.name()
					+ (draft.enabled() ? " and offered at checkout." : "; it is off until you enable it.")));
			return "redirect:/app/settings/store#region-" + region.id() + "-shipping";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, null, typed.withError(message(e)));
		}
	}

	@GetMapping("/app/settings/store/shipping/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		ShippingOption option = option(id);
		String kind = kind(option);
		ShippingPrice price = option.prices().isEmpty() ? null : option.prices().getFirst();
		String brackets = option.brackets().stream()
			.map(b -> b.upToGrams() + " " + shown(b.amount()))
			.collect(Collectors.joining("\n"));
		return page(request, response, model, option, new OptionForm(option.regionId(), option.name(), kind,
				price == null ? "" : shown(price.amount()),
				price == null || price.freeOver() == null ? "" : shown(price.freeOver()), brackets,
				option.type() == null ? "" : option.type().code(),
				option.type() == null ? "" : option.type().description(), new LinkedHashSet<>(option.countryCodes()),
				option.enabled(), null));
	}

	@PostMapping("/app/settings/store/shipping/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String update(@PathVariable String id, @RequestParam Map<String, String> params,
			@RequestParam(name = "country", required = false) List<String> countries, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		ShippingOption option = option(id);
		OptionForm typed = typed(option.regionId(), params, countries);
		try {
			Region region = markets.region(option.regionId())
				.orElseThrow(() -> LoupeException.notFound("Region", option.regionId()));
			ShippingOptionDraft draft = draft(typed, region, option);
			tx.executeWithoutResult(s -> {
				shippingSetup.updateOption(option.id(), draft);
				Map<String, Object> details = details(draft);
				details.put("previous_name", option.name());
				details.put("previous_prices", option.prices().stream().map(p -> p.amount().amount().toPlainString()
						+ (p.freeOver() == null ? "" : " free over " + p.freeOver().amount().toPlainString())).toList());
				Forms.record(audit, staff, request, "shipping_option.updated", "shipping_option", option.id(), details);
			});
			Flash.put(request, response, Flash.success(draft.name() + " saved; carts see the change at once."));
			return "redirect:/app/settings/store#region-" + region.id() + "-shipping";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, option, typed.withError(message(e)));
		}
	}

	/** The draft the form describes; {@code current} (null when creating) lends what the form does not show. */
	private static ShippingOptionDraft draft(OptionForm form, Region region, ShippingOption current) {
		String currency = region.currencyCode().toLowerCase(Locale.ROOT);
		if (form.name().isBlank()) {
			throw LoupeException.invalidData("Give the option a name such as Standard or Express.");
		}
		List<String> countries = List.copyOf(form.countries());
		String code = form.code().isBlank() ? "standard" : form.code().strip().toLowerCase(Locale.ROOT);
		String profile = current == null ? null : current.profileId();
		Map<String, Object> data = current == null ? null : current.data();
		Map<String, Object> metadata = current == null ? null : current.metadata();
		return switch (form.kind()) {
			case "flat" -> {
				Money amount = money("price", form.amount(), currency, true);
				Money freeOver = form.freeOver().isBlank() ? null : money("free-shipping threshold", form.freeOver(),
						currency, false);
				yield new ShippingOptionDraft(region.id(), form.name().strip(), profile, MANUAL, "flat", countries,
						List.of(ShippingPrice.of(amount, freeOver, region.taxInclusive())), List.of(), form.name().strip(),
						form.description(), code, data, form.enabled(), metadata);
			}
			case "table" -> new ShippingOptionDraft(region.id(), form.name().strip(), profile, TABLE, "calculated",
					countries, List.of(), brackets(form.brackets(), currency, region.taxInclusive()), form.name().strip(),
					form.description(), code, data, form.enabled(), metadata);
			case "carrier" -> {
				if (current == null || !kind(current).equals("carrier")) {
					throw LoupeException.invalidData("Choose a flat rate or a table rate.");
				}
				yield new ShippingOptionDraft(region.id(), form.name().strip(), profile, current.providerId(),
						current.priceType(), countries, current.prices(), current.brackets(), form.name().strip(),
						form.description(), code, data, form.enabled(), metadata);
			}
			default -> throw LoupeException.invalidData("Choose a flat rate or a table rate.");
		};
	}

	/** An amount as typed: digits with at most the currency's decimals; zero only where {@code zeroAllowed}. */
	private static Money money(String field, String typed, String currency, boolean zeroAllowed) {
		String s = typed.strip();
		if (s.isEmpty()) {
			throw LoupeException.invalidData("Enter the " + field + ".");
		}
		int decimals = Money.scaleOf(Money.currency(currency));
		if (!s.matches("[0-9]{1,12}(\\.[0-9]+)?")) {
			throw LoupeException.invalidData("Enter the " + field + " as an amount such as 4.90, not negative.");
		}
		BigDecimal amount = new BigDecimal(s);
		if (amount.scale() > decimals) {
			throw LoupeException.invalidData("The " + field + " takes at most " + decimals + " decimals in "
					+ currency.toUpperCase(Locale.ROOT) + ".");
		}
		if (!zeroAllowed && amount.signum() == 0) {
			throw LoupeException.invalidData("The " + field + " must be greater than 0; leave it empty for none.");
		}
		return Money.of(amount, currency);
	}

	private static List<WeightBracket> brackets(String typed, String currency, boolean taxInclusive) {
		List<WeightBracket> brackets = new ArrayList<>();
		for (String line : typed.split("\\R")) {
			String l = line.strip().replaceAll("(?i)\\s*g\\b", "").replace(":", " ");
			if (l.isEmpty()) {
				continue;
			}
			String[] parts = l.split("\\s+");
			if (parts.length != 2 || !parts[0].matches("[0-9]{1,9}")) {
				throw LoupeException.invalidData("Write one bracket a line: the weight limit in grams and its price, "
						+ "such as 500 6.00.");
			}
			brackets.add(new WeightBracket(Long.parseLong(parts[0]), money("bracket price", parts[1], currency, true),
					taxInclusive));
			if (brackets.size() > MAX_BRACKETS) {
				throw LoupeException.invalidData("A table rate takes at most " + MAX_BRACKETS + " brackets.");
			}
		}
		if (brackets.isEmpty()) {
			throw LoupeException.invalidData("Enter at least one weight bracket, such as 500 6.00.");
		}
		return brackets;
	}

	/** An amount as the form shows it: with the currency's decimals, more only when it was stored with more. */
	private static String shown(Money money) {
		BigDecimal exact = money.amount().stripTrailingZeros();
		int decimals = Money.scaleOf(money.currency());
		return (exact.scale() <= decimals ? exact.setScale(decimals) : exact).toPlainString();
	}

	static String kind(ShippingOption option) {
		return switch (option.providerId()) {
			case MANUAL -> "flat";
			case TABLE -> "table";
			default -> "carrier";
		};
	}

	private static Map<String, Object> details(ShippingOptionDraft d) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", d.name());
		details.put("region", d.regionId());
		details.put("provider", d.providerId());
		details.put("prices", d.prices().stream().map(p -> p.amount().amount().toPlainString()
				+ (p.freeOver() == null ? "" : " free over " + p.freeOver().amount().toPlainString())).toList());
		details.put("brackets", d.brackets().size());
		details.put("countries", d.countryCodes());
		details.put("enabled", d.enabled());
		return details;
	}

	/** The module names fields as the Admin API does (prices[0].amount); the form's labels read better. */
	private static String message(LoupeException e) {
		String m = e.getMessage()
			.replace("prices[0].amount", "The price")
			.replace("prices[0].free_over", "The free-shipping threshold")
			.replace("type.code", "The code")
			.replace("type.description", "The description");
		m = m.replaceAll("country_codes\\[\\d+]", "Country").replaceAll("brackets\\[(\\d+)]\\.up_to_grams", "A weight");
		return StaffController.sentence(m);
	}

	private static OptionForm typed(String regionId, Map<String, String> params, List<String> countries) {
		Set<String> codes = new LinkedHashSet<>();
		if (countries != null) {
			if (countries.size() > 60) {
				throw LoupeException.invalidData("Choose at most 60 countries.");
			}
			countries.forEach(c -> codes.add(clip(c, 2).toLowerCase(Locale.ROOT)));
		}
		String kind = params.getOrDefault("kind", "flat");
		return new OptionForm(regionId, clip(params.getOrDefault("name", ""), 300),
				kind.length() > 10 ? "flat" : kind, clip(params.getOrDefault("amount", ""), 20),
				clip(params.getOrDefault("free_over", ""), 20), clipLines(params.getOrDefault("brackets", ""), 2000),
				clip(params.getOrDefault("code", ""), 60), clip(params.getOrDefault("description", ""), 1100), codes,
				"true".equals(params.get("enabled")), null);
	}

	private ShippingOption option(String id) {
		return (id.length() <= 60 ? shippingOptions.find(id) : Optional.<ShippingOption>empty())
			.orElseThrow(() -> LoupeException.notFound("Shipping option", StaffController.shown(id)));
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, ShippingOption option,
			OptionForm form) {
		Staff staff = Staff.of(request);
		List<Region> regions = markets.regions();
		Region region = regions.stream().filter(r -> r.id().equals(form.regionId())).findFirst().orElse(null);
		model.addAttribute("frame", new Frame(staff, option == null ? "New shipping option" : option.name(), "store",
				Flash.take(request, response)));
		model.addAttribute("option", option);
		model.addAttribute("regions", regions);
		model.addAttribute("region", region);
		model.addAttribute("form", form);
		return "app/shipping-option";
	}

	private static String clip(String value, int max) {
		String s = value.replace("\0", "").strip();
		return s.length() > max ? s.substring(0, max) : s;
	}

	private static String clipLines(String value, int max) {
		String s = value.replace("\0", "").replace("\r", "").strip();
		return s.length() > max ? s.substring(0, max) : s;
	}
}
