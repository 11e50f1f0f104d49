package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.file.FileStore;
import dev.loupe.fulfillment.ShippingLabels;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.fulfillment.ShippingSetup;
import dev.loupe.identity.Permission;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.market.StoreDetails;
import dev.loupe.notification.Notifications;
import dev.loupe.payment.PaymentProviders;
import dev.loupe.platform.LoupeException;
import dev.loupe.tax.RegionTaxRate;
import dev.loupe.tax.TaxRates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The store's settings for admins: its name and how customers reach it; each region with its currency, countries,
 * tax-inclusive prices and tax rates (a rate can be changed); the shipping options of each region with their prices
 * and free-shipping thresholds (switched on and off); and which providers are configured for payments, shipping
 * labels, email and files — from the configured beans, never showing a secret. Every change is audited.
 */
@Controller
public class StoreSettingsController {

	private final Markets markets;
	private final MarketSetup marketSetup;
	private final TaxRates taxRates;
	private final ShippingOptions shippingOptions;
	private final ShippingSetup shippingSetup;
	private final ShippingLabels labels;
	private final PaymentProviders payments;
	private final Notifications notifications;
	private final FileStore files;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	StoreSettingsController(Markets markets, MarketSetup marketSetup, TaxRates taxRates, ShippingOptions shippingOptions,
			ShippingSetup shippingSetup, ShippingLabels labels, PaymentProviders payments, Notifications notifications,
			FileStore files, AuditLog audit, TransactionTemplate tx) {
		this.markets = markets;
		this.marketSetup = marketSetup;
		this.taxRates = taxRates;
		this.shippingOptions = shippingOptions;
		this.shippingSetup = shippingSetup;
		this.labels = labels;
		this.payments = payments;
		this.notifications = notifications;
		this.files = files;
		this.audit = audit;
		this.tx = tx;
	}

	/** A region with its tax rates and shipping options. */
	public record RegionSettings(Region region, List<RegionTaxRate> rates, List<ShippingOption> options) {
	}

	/** A provider's state: what it is for, which one is in use, whether it is live. */
	public record ProviderStatus(String purpose, String provider, String detail, boolean live) {
	}

	/** The store form as typed and its error; {@code rateError} names a tax rate whose change was refused. */
	public record StoreForm(String name, String supportEmail, String phone, String error, String rateId,
			String rateTyped, String rateError) {
	}

	@GetMapping("/app/settings/store")
	@Requires(Permission.SETTINGS_WRITE)
	String settings(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<StoreDetails> store = markets.store();
		return page(request, response, model, new StoreForm(store.map(StoreDetails::name).orElse(""),
				store.map(StoreDetails::supportEmail).orElse(""), store.map(StoreDetails::contactPhone).orElse(""), null,
				null, null, null));
	}

	@PostMapping("/app/settings/store")
	@Requires(Permission.SETTINGS_WRITE)
	String saveStore(@RequestParam(defaultValue = "") String name,
			@RequestParam(name = "support_email", defaultValue = "") String supportEmail,
			@RequestParam(defaultValue = "") String phone, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		StoreDetails store = markets.store().orElseThrow(() -> LoupeException.notFound("Store", "default"));
		try {
			if (supportEmail.length() > 254 || phone.length() > 40 || name.length() > 200) {
				throw LoupeException.invalidData("A field is too long: the name takes 200 characters, the email 254 "
						+ "and the phone 40.");
			}
			if ((name + supportEmail + phone).indexOf('\0') >= 0) {
				throw LoupeException.invalidData("The form holds characters that cannot be stored.");
			}
			tx.executeWithoutResult(s -> {
				marketSetup.updateStoreDetails(store.id(), name, supportEmail, phone);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("name", name.strip());
				details.put("support_email", supportEmail.strip());
				details.put("phone", phone.strip());
				details.put("from", request.getRemoteAddr());
				audit.record(Actor.staff(staff.user().id()), "store.updated", "store", store.id(), details);
			});
			Flash.put(request, response, Flash.success("Store details saved."));
			return "redirect:/app/settings/store";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, new StoreForm(clip(name, 200), clip(supportEmail, 254),
					clip(phone, 40), StaffController.sentence(e.getMessage()), null, null, null));
		}
	}

	@PostMapping("/app/settings/store/tax-rates/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String changeRate(@PathVariable String id, @RequestParam(defaultValue = "") String rate,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		RegionTaxRate current = (id.length() <= 60 ? taxRates.find(id) : Optional.<RegionTaxRate>empty())
			.orElseThrow(() -> LoupeException.notFound("Tax rate", StaffController.shown(id)));
		try {
			String typed = rate.strip().replace("%", "").strip();
			if (!typed.matches("[0-9]{1,3}(\\.[0-9]{1,4})?")) {
				throw LoupeException.invalidData("Enter the rate as a percentage such as 19 or 8.875.");
			}
			BigDecimal percent = new BigDecimal(typed);
			tx.executeWithoutResult(s -> {
				taxRates.changeRate(current.id(), percent);
				audit.record(Actor.staff(staff.user().id()), "tax_rate.changed", "tax_rate", current.id(),
						Map.of("region", current.regionId(), "country", current.countryCode(), "code", current.code(),
								"rate", percent.toPlainString(), "previous", current.ratePercent().toPlainString(),
								"from", request.getRemoteAddr()));
			});
			Flash.put(request, response, Flash.success(current.name() + " (" + current.countryCode().toUpperCase()
					+ ") is now " + percent.stripTrailingZeros().toPlainString() + " %."));
			return "redirect:/app/settings/store#region-" + current.regionId();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			Optional<StoreDetails> store = markets.store();
			return page(request, response, model, new StoreForm(store.map(StoreDetails::name).orElse(""),
					store.map(StoreDetails::supportEmail).orElse(""), store.map(StoreDetails::contactPhone).orElse(""),
					null, current.id(), clip(rate, 20), StaffController.sentence(e.getMessage())));
		}
	}

	@PostMapping("/app/settings/store/shipping/{id}/enabled")
	@Requires(Permission.SETTINGS_WRITE)
	String enableShipping(@PathVariable String id, @RequestParam(defaultValue = "") String enabled,
			HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		ShippingOption option = (id.length() <= 60 ? shippingOptions.find(id) : Optional.<ShippingOption>empty())
			.orElseThrow(() -> LoupeException.notFound("Shipping option", StaffController.shown(id)));
		if (!enabled.equals("true") && !enabled.equals("false")) {
			throw LoupeException.invalidData("Choose whether the option is offered.");
		}
		boolean on = enabled.equals("true");
		if (on != option.enabled()) {
			tx.executeWithoutResult(s -> {
				shippingSetup.setEnabled(option.id(), on);
				audit.record(Actor.staff(staff.user().id()), on ? "shipping_option.enabled" : "shipping_option.disabled",
						"shipping_option", option.id(), Map.of("name", option.name(), "region", option.regionId(),
								"from", request.getRemoteAddr()));
			});
		}
		Flash.put(request, response, Flash.success(option.name() + (on ? " is offered at checkout again."
				: " is no longer offered at checkout.")));
		return "redirect:/app/settings/store#region-" + option.regionId();
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, StoreForm form) {
		Staff staff = Staff.of(request);
		List<RegionSettings> regions = new ArrayList<>();
		for (Region region : markets.regions()) {
			regions.add(new RegionSettings(region, taxRates.ofRegion(region.id()), shippingOptions.list(region.id())));
		}
		model.addAttribute("frame", new Frame(staff, "Store", "store", Flash.take(request, response)));
		model.addAttribute("store", markets.store().orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("regions", regions);
		model.addAttribute("providers", providers());
		return "app/store";
	}

	/** What is configured, read from the beans: names and on/off only, never a key. */
	private List<ProviderStatus> providers() {
		List<ProviderStatus> list = new ArrayList<>();
		List<String> paymentIds = List.copyOf(payments.ids());
		boolean stripe = paymentIds.stream().anyMatch(p -> p.contains("stripe"));
		list.add(new ProviderStatus("Payments", stripe ? "Stripe" : "Manual",
				"Providers: " + (paymentIds.isEmpty() ? "none" : String.join(", ", paymentIds))
						+ (stripe ? "" : ". Set STRIPE_API_KEY to take card payments."), stripe));
		boolean easyPost = labels.available();
		list.add(new ProviderStatus("Shipping labels", easyPost ? "EasyPost" : "Flat rates only",
				easyPost ? "Labels can be bought from an order's fulfilment panel."
						: "Tracking is entered by hand. Set EASYPOST_API_KEY to buy labels.", easyPost));
		String mail = notifications.mailProvider();
		list.add(new ProviderStatus("Email", switch (mail) {
			case "resend" -> "Resend";
			case "smtp" -> "SMTP";
			default -> "Outbox only";
		}, mail.equals("outbox") ? "Emails are kept in the outbox and not delivered. Set RESEND_API_KEY or an SMTP URL."
				: "Emails are delivered from the outbox with retries.", !mail.equals("outbox")));
		String store = files.getClass().getSimpleName();
		boolean local = store.startsWith("Local");
		list.add(new ProviderStatus("File storage", local ? "Local disk" : store.replace("FileStore", ""),
				local ? "Files are stored under the data directory and served at /files/." : "Files are stored remotely.",
				true));
		return list;
	}

	private static String clip(String value, int max) {
		String s = value.replace("\0", "").strip();
		return s.length() > max ? s.substring(0, max) : s;
	}
}
