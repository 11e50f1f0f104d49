package dev.loupe.backoffice.web;

import dev.loupe.identity.Permission;
import dev.loupe.market.Country;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.market.RegionChange;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.LoupeException;
import dev.loupe.tax.RegionTaxRate;
import dev.loupe.tax.TaxRates;
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
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Creating and editing regions for admins: name, currency (fixed once created), countries (a country belongs to one
 * region only), tax-inclusive prices, and a tax rate given to each new country of the region. Regions are not
 * deleted here (ADR 024): carts and orders name them and the market module cannot see those.
 */
@Controller
public class RegionsController {

	private static final int MAX_COUNTRIES = 60;

	private final Markets markets;
	private final MarketSetup marketSetup;
	private final TaxRates taxRates;
	private final dev.loupe.audit.AuditLog audit;
	private final TransactionTemplate tx;

	RegionsController(Markets markets, MarketSetup marketSetup, TaxRates taxRates, dev.loupe.audit.AuditLog audit,
			TransactionTemplate tx) {
		this.markets = markets;
		this.marketSetup = marketSetup;
		this.taxRates = taxRates;
		this.audit = audit;
		this.tx = tx;
	}

	/** The region form as typed, and its error. */
	public record RegionForm(String name, String currency, boolean taxInclusive, Set<String> countries, String taxName,
			String taxRate, String error) {

		RegionForm withError(String message) {
			return new RegionForm(name, currency, taxInclusive, countries, taxName, taxRate, message);
		}
	}

	/** A country offered in the form, with the other region it belongs to (null when free or in this region). */
	public record CountryChoice(Country country, String otherRegion) {
	}

	@GetMapping("/app/settings/store/regions/new")
	@Requires(Permission.SETTINGS_WRITE)
	String newRegion(HttpServletRequest request, HttpServletResponse response, Model model) {
		String currency = markets.store().map(s -> s.defaultCurrencyCode()).orElse("usd");
		return page(request, response, model, null, new RegionForm("", currency, false, Set.of(), "VAT", "", null));
	}

	@PostMapping("/app/settings/store/regions")
	@Requires(Permission.SETTINGS_WRITE)
	String create(@RequestParam(defaultValue = "") String name,
			@RequestParam(name = "currency_code", defaultValue = "") String currency,
			@RequestParam(name = "is_tax_inclusive", defaultValue = "false") String taxInclusive,
			@RequestParam(name = "country", required = false) List<String> countries,
			@RequestParam(name = "tax_name", defaultValue = "") String taxName,
			@RequestParam(name = "tax_rate", defaultValue = "") String taxRate, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		RegionForm typed = typed(name, currency, taxInclusive, countries, taxName, taxRate);
		try {
			check(name, taxName);
			if (!currency.strip().matches("[A-Za-z]{3}")) {
				throw LoupeException.invalidData("Enter the currency as a three-letter ISO code such as EUR.");
			}
			BigDecimal rate = rate(taxRate);
			List<String> codes = List.copyOf(typed.countries());
			String id = tx.execute(s -> {
				String created = marketSetup.createRegion(new RegionDraft(name.strip(), currency.strip(),
						typed.taxInclusive(), codes, List.of("pp_system_default")));
				addRates(created, codes, taxName, rate);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("name", name.strip());
				details.put("currency", currency.strip().toLowerCase(Locale.ROOT));
				details.put("countries", codes);
				details.put("tax_inclusive", typed.taxInclusive());
				details.put("tax_rate", rate == null ? "" : rate.toPlainString());
				Forms.record(audit, staff, request, "region.created", "region", created, details);
				return created;
			});
			Flash.put(request, response, Flash.success("Region " + name.strip() + " created. Add its shipping options "
					+ "so that shoppers there can check out."));
			return "redirect:/app/settings/store#region-" + id;
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, null, typed.withError(StaffController.sentence(e.getMessage())));
		}
	}

	@GetMapping("/app/settings/store/regions/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Region region = region(id);
		Set<String> countries = new LinkedHashSet<>(region.countries().stream().map(Country::iso2).toList());
		String rate = taxRates.ofRegion(region.id()).stream().findFirst()
			.map(r -> r.ratePercent().stripTrailingZeros().toPlainString()).orElse("");
		String taxName = taxRates.ofRegion(region.id()).stream().findFirst().map(RegionTaxRate::name).orElse("VAT");
		return page(request, response, model, region, new RegionForm(region.name(), region.currencyCode(),
				region.taxInclusive(), countries, taxName, rate, null));
	}

	@PostMapping("/app/settings/store/regions/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(name = "is_tax_inclusive", defaultValue = "false") String taxInclusive,
			@RequestParam(name = "country", required = false) List<String> countries,
			@RequestParam(name = "tax_name", defaultValue = "") String taxName,
			@RequestParam(name = "tax_rate", defaultValue = "") String taxRate, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Region region = region(id);
		RegionForm typed = typed(name, region.currencyCode(), taxInclusive, countries, taxName, taxRate);
		try {
			check(name, taxName);
			BigDecimal rate = rate(taxRate);
			List<String> codes = List.copyOf(typed.countries());
			Set<String> before = new LinkedHashSet<>(region.countries().stream().map(Country::iso2).toList());
			List<String> added = codes.stream().filter(c -> !before.contains(c)).toList();
			List<String> removed = before.stream().filter(c -> !codes.contains(c)).toList();
			tx.executeWithoutResult(s -> {
				marketSetup.updateRegion(region.id(), new RegionChange(name.strip(), typed.taxInclusive(), codes));
				Set<String> rated = new LinkedHashSet<>(taxRates.ofRegion(region.id()).stream()
					.map(RegionTaxRate::countryCode).toList());
				addRates(region.id(), added.stream().filter(c -> !rated.contains(c)).toList(), taxName, rate);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("name", name.strip());
				details.put("previous_name", region.name());
				details.put("countries_added", added);
				details.put("countries_removed", removed);
				details.put("tax_inclusive", typed.taxInclusive());
				Forms.record(audit, staff, request, "region.updated", "region", region.id(), details);
			});
			Flash.put(request, response, Flash.success("Region " + name.strip() + " saved."));
			return "redirect:/app/settings/store#region-" + region.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, region, typed.withError(StaffController.sentence(e.getMessage())));
		}
	}

	private void addRates(String regionId, List<String> countries, String taxName, BigDecimal rate) {
		if (rate == null) {
			return;
		}
		String name = taxName.strip();
		String prefix = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "");
		for (String country : countries) {
			taxRates.addRate(regionId, country, null, name, (prefix.isEmpty() ? "TAX" : prefix) + "-"
					+ country.toUpperCase(Locale.ROOT), rate);
		}
	}

	private static void check(String name, String taxName) {
		if (name.isBlank() || name.length() > 200 || name.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("Give the region a name of 1 to 200 characters, such as Europe.");
		}
		if (taxName.length() > 60 || taxName.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The tax name takes at most 60 characters.");
		}
	}

	/** The typed rate in percent, or null when left empty (no tax rate is added). */
	private static BigDecimal rate(String typed) {
		String s = typed.strip().replace("%", "").strip();
		if (s.isEmpty()) {
			return null;
		}
		if (!s.matches("[0-9]{1,3}(\\.[0-9]{1,4})?") || new BigDecimal(s).compareTo(BigDecimal.valueOf(100)) > 0) {
			throw LoupeException.invalidData("Enter the tax rate as a percentage from 0 to 100 such as 19 or 8.875, "
					+ "or leave it empty.");
		}
		return new BigDecimal(s);
	}

	private static RegionForm typed(String name, String currency, String taxInclusive, List<String> countries,
			String taxName, String taxRate) {
		Set<String> codes = new LinkedHashSet<>();
		if (countries != null) {
			if (countries.size() > MAX_COUNTRIES) {
				throw LoupeException.invalidData("Choose at most " + MAX_COUNTRIES + " countries.");
			}
			for (String c : countries) {
				String code = c.strip().toLowerCase(Locale.ROOT);
				codes.add(code.matches("[a-z]{2}") ? code : "??");
			}
		}
		return new RegionForm(clip(name, 200), clip(currency, 3).toLowerCase(Locale.ROOT), taxInclusive.equals("true"),
				codes, clip(taxName, 60), clip(taxRate, 12), null);
	}

	private Region region(String id) {
		return (id.length() <= 60 ? markets.region(id) : Optional.<Region>empty())
			.orElseThrow(() -> LoupeException.notFound("Region", StaffController.shown(id)));
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, Region region,
			RegionForm form) {
		Staff staff = Staff.of(request);
		Map<String, String> owners = new LinkedHashMap<>();
		for (Region r : markets.regions()) {
			if (region == null || !r.id().equals(region.id())) {
				r.countries().forEach(c -> owners.put(c.iso2(), r.name()));
			}
		}
		List<CountryChoice> choices = new ArrayList<>();
		for (Country c : Country.supported()) {
			choices.add(new CountryChoice(c, owners.get(c.iso2())));
		}
		model.addAttribute("frame", new Frame(staff, region == null ? "New region" : region.name(), "store",
				Flash.take(request, response)));
		model.addAttribute("region", region);
		model.addAttribute("form", form);
		model.addAttribute("countries", choices);
		return "app/region";
	}

	private static String clip(String value, int max) {
		String s = value.replace("\0", "").strip();
		return s.length() > max ? s.substring(0, max) : s;
	}
}
