package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.identity.Permission;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.PublishableKey;
import dev.loupe.market.SalesChannel;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
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
 * Sales channels for admins: each with its description, status, the live publishable keys that open it and how many
 * products it sells (counted up to a cap); creating, renaming and describing one, and disabling it after a
 * confirmation (its keys then see nothing of it, at once) or enabling it again. Every change is audited.
 */
@Controller
public class SalesChannelsController {

	static final long PRODUCT_COUNT_CAP = 10_000;

	private final Markets markets;
	private final MarketSetup marketSetup;
	private final CatalogAdmin catalog;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	SalesChannelsController(Markets markets, MarketSetup marketSetup, CatalogAdmin catalog, AuditLog audit,
			TransactionTemplate tx) {
		this.markets = markets;
		this.marketSetup = marketSetup;
		this.catalog = catalog;
		this.audit = audit;
		this.tx = tx;
	}

	/** A channel as the page lists it. */
	public record ChannelRow(SalesChannel channel, List<PublishableKey> keys, long products) {
	}

	/**
	 * The forms as typed: the create form, or ({@code editId} set) the edit form of one channel, and the error.
	 */
	public record ChannelForm(String editId, String name, String description, String error) {

		static ChannelForm empty() {
			return new ChannelForm(null, "", "", null);
		}
	}

	@GetMapping("/app/settings/sales-channels")
	@Requires(Permission.SETTINGS_WRITE)
	String list(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, ChannelForm.empty());
	}

	@PostMapping("/app/settings/sales-channels")
	@Requires(Permission.SETTINGS_WRITE)
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		try {
			check(name, description);
			String id = tx.execute(s -> {
				String created = marketSetup.createSalesChannel(name, description);
				Forms.record(audit, staff, request, "sales_channel.created", "sales_channel", created,
						Map.of("name", name.strip(), "description", description.strip()));
				return created;
			});
			Flash.put(request, response, Flash.success("Sales channel " + name.strip() + " created. Create a "
					+ "publishable key for it on the API keys page, and add products to it."));
			return "redirect:/app/settings/sales-channels#channel-" + id;
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, new ChannelForm(null, clip(name, 200), clip(description, 1000),
					StaffController.sentence(e.getMessage())));
		}
	}

	@PostMapping("/app/settings/sales-channels/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		SalesChannel channel = channel(id);
		try {
			check(name, description);
			tx.executeWithoutResult(s -> {
				marketSetup.updateSalesChannel(channel.id(), name, description);
				Forms.record(audit, staff, request, "sales_channel.updated", "sales_channel", channel.id(),
						Map.of("name", name.strip(), "previous_name", channel.name(), "description", description.strip()));
			});
			Flash.put(request, response, Flash.success("Sales channel " + name.strip() + " saved."));
			return "redirect:/app/settings/sales-channels#channel-" + channel.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, new ChannelForm(channel.id(), clip(name, 200),
					clip(description, 1000), StaffController.sentence(e.getMessage())));
		}
	}

	@PostMapping("/app/settings/sales-channels/{id}/disabled")
	@Requires(Permission.SETTINGS_WRITE)
	String disable(@PathVariable String id, @RequestParam(defaultValue = "") String disabled,
			HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		SalesChannel channel = channel(id);
		if (!disabled.equals("true") && !disabled.equals("false")) {
			throw LoupeException.invalidData("Choose whether the channel is disabled.");
		}
		boolean off = disabled.equals("true");
		if (off != channel.disabled()) {
			tx.executeWithoutResult(s -> {
				marketSetup.setSalesChannelDisabled(channel.id(), off);
				Forms.record(audit, staff, request, off ? "sales_channel.disabled" : "sales_channel.enabled",
						"sales_channel", channel.id(), Map.of("name", channel.name()));
			});
		}
		Flash.put(request, response, Flash.success(channel.name() + (off
				? " is disabled: storefronts with its keys no longer see its products."
				: " is enabled again.")));
		return "redirect:/app/settings/sales-channels#channel-" + channel.id();
	}

	private static void check(String name, String description) {
		if (name.isBlank() || name.length() > 200 || name.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("Give the channel a name of 1 to 200 characters, such as Webshop.");
		}
		if (description.length() > 1000 || description.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The description takes at most 1000 characters.");
		}
	}

	private SalesChannel channel(String id) {
		return (id.length() <= 60 ? markets.salesChannel(id) : Optional.<SalesChannel>empty())
			.orElseThrow(() -> LoupeException.notFound("Sales channel", StaffController.shown(id)));
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, ChannelForm form) {
		Staff staff = Staff.of(request);
		List<PublishableKey> keys = markets.publishableKeys();
		List<ChannelRow> rows = new ArrayList<>();
		for (SalesChannel c : markets.salesChannels()) {
			rows.add(new ChannelRow(c, keys.stream().filter(k -> k.salesChannelIds().contains(c.id())).toList(),
					catalog.countProductsInSalesChannel(c.id(), PRODUCT_COUNT_CAP)));
		}
		model.addAttribute("frame", new Frame(staff, "Sales channels", "channels", Flash.take(request, response)));
		model.addAttribute("rows", rows);
		model.addAttribute("defaultId", markets.defaultSalesChannelId().orElse(""));
		model.addAttribute("cap", PRODUCT_COUNT_CAP);
		model.addAttribute("form", form);
		return "app/sales-channels";
	}

	private static String clip(String value, int max) {
		String s = value.replace("\0", "").strip();
		return s.length() > max ? s.substring(0, max) : s;
	}
}
