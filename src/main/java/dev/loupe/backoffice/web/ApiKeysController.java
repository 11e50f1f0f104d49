package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.IssuedSecretApiKey;
import dev.loupe.identity.Permission;
import dev.loupe.identity.SecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.PublishableKey;
import dev.loupe.market.SalesChannel;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * API keys for admins: secret keys for the Admin API (redacted; the token is shown once, on the page answering its
 * creation, and never again), created with scopes and revoked after a confirmation; publishable keys with the sales
 * channels they open to storefronts, created for a channel and revoked after a confirmation (a revoked key stays
 * listed; revoking the last live one is allowed, with a warning: ADR 024). Every change is audited, never with a
 * secret token.
 */
@Controller
public class ApiKeysController {

	private final SecretApiKeys secretKeys;
	private final Markets markets;
	private final MarketSetup marketSetup;
	private final StaffAccounts accounts;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	ApiKeysController(SecretApiKeys secretKeys, Markets markets, MarketSetup marketSetup, StaffAccounts accounts,
			AuditLog audit, TransactionTemplate tx) {
		this.secretKeys = secretKeys;
		this.markets = markets;
		this.marketSetup = marketSetup;
		this.accounts = accounts;
		this.audit = audit;
		this.tx = tx;
	}

	/** What the forms were sent with, their errors, and a token created just now (shown once). */
	public record KeyForms(String title, Set<String> scopes, String error, IssuedSecretApiKey created,
			String publishableTitle, String publishableChannel, String publishableError) {

		static KeyForms empty() {
			return new KeyForms("", Set.of(), null, null, "", "", null);
		}
	}

	@GetMapping("/app/settings/keys")
	@Requires(Permission.SETTINGS_WRITE)
	String list(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, KeyForms.empty());
	}

	@PostMapping("/app/settings/keys")
	@Requires(Permission.SETTINGS_WRITE)
	String create(@RequestParam(defaultValue = "") String title,
			@RequestParam(name = "scope", required = false) List<String> scope, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		List<String> codes = scope == null ? List.of() : scope;
		String typed = clip(title);
		Set<String> typedScopes = new java.util.TreeSet<>(codes.stream().filter(c -> c.length() < 40).toList());
		try {
			if (title.isBlank() || title.length() > 200 || title.indexOf('\0') >= 0) {
				throw LoupeException.invalidData("Give the key a name of 1 to 200 characters, such as \"ERP sync\".");
			}
			Set<Permission> scopes = EnumSet.noneOf(Permission.class);
			for (String code : codes) {
				scopes.add(Permission.ofCode(code)
					.orElseThrow(() -> LoupeException.invalidData("Choose scopes from the list.")));
			}
			if (scopes.isEmpty()) {
				throw LoupeException.invalidData("Choose at least one scope.");
			}
			IssuedSecretApiKey issued = tx.execute(s -> {
				IssuedSecretApiKey key = secretKeys.create(title, staff.user().id(), scopes);
				audit.record(Actor.staff(staff.user().id()), "api_key.created", "api_key", key.key().id(),
						Map.of("title", key.key().title(), "redacted", key.key().redacted(),
								"scopes", scopes.stream().map(Permission::code).sorted().toList(),
								"from", request.getRemoteAddr()));
				return key;
			});
			response.setStatus(201);
			return page(request, response, model, new KeyForms("", Set.of(), null, issued, "", "", null));
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, new KeyForms(typed, typedScopes, StaffController.sentence(e.getMessage()),
					null, "", "", null));
		}
	}

	@PostMapping("/app/settings/keys/{id}/revoke")
	@Requires(Permission.SETTINGS_WRITE)
	String revoke(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		SecretApiKey key = (id.length() <= 60 ? secretKeys.find(id) : Optional.<SecretApiKey>empty())
			.orElseThrow(() -> LoupeException.notFound("Secret API key", StaffController.shown(id)));
		if (!key.isRevoked()) {
			tx.executeWithoutResult(s -> {
				secretKeys.revoke(key.id(), staff.user().id());
				audit.record(Actor.staff(staff.user().id()), "api_key.revoked", "api_key", key.id(),
						Map.of("title", key.title(), "redacted", key.redacted(), "from", request.getRemoteAddr()));
			});
		}
		Flash.put(request, response, Flash.success("Key " + key.title() + " (" + key.redacted()
				+ ") is revoked; requests with it are refused from now on."));
		return "redirect:/app/settings/keys";
	}

	@PostMapping("/app/settings/keys/publishable")
	@Requires(Permission.SETTINGS_WRITE)
	String createPublishable(@RequestParam(defaultValue = "") String title,
			@RequestParam(name = "sales_channel", defaultValue = "") String channel, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		try {
			if (title.isBlank() || title.length() > 200 || title.indexOf('\0') >= 0) {
				throw LoupeException.invalidData("Give the publishable key a name of 1 to 200 characters.");
			}
			SalesChannel sc = markets.salesChannels().stream().filter(c -> c.id().equals(channel)).findFirst()
				.orElseThrow(() -> LoupeException.invalidData("Choose a sales channel from the list."));
			PublishableKey key = tx.execute(s -> {
				PublishableKey created = marketSetup.createPublishableKey(title.strip(), List.of(sc.id()));
				audit.record(Actor.staff(staff.user().id()), "publishable_key.created", "publishable_key", created.id(),
						Map.of("title", created.title(), "sales_channel", sc.id(), "from", request.getRemoteAddr()));
				return created;
			});
			Flash.put(request, response, Flash.success("Publishable key " + key.title() + " opens " + sc.name()
					+ " to storefronts."));
			return "redirect:/app/settings/keys";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, new KeyForms("", Set.of(), null, null, clip(title),
					channel.length() > 60 ? "" : channel, StaffController.sentence(e.getMessage())));
		}
	}

	@PostMapping("/app/settings/keys/publishable/{id}/revoke")
	@Requires(Permission.SETTINGS_WRITE)
	String revokePublishable(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		PublishableKey key = (id.length() <= 60 ? markets.publishableKey(id) : Optional.<PublishableKey>empty())
			.orElseThrow(() -> LoupeException.notFound("Publishable key", StaffController.shown(id)));
		if (!key.isRevoked()) {
			tx.executeWithoutResult(s -> {
				marketSetup.revokePublishableKey(key.id(), staff.user().id());
				audit.record(Actor.staff(staff.user().id()), "publishable_key.revoked", "publishable_key", key.id(),
						Map.of("title", key.title(), "sales_channels", key.salesChannelIds(),
								"from", request.getRemoteAddr()));
			});
		}
		Flash.put(request, response, Flash.success("Publishable key " + key.title()
				+ " is revoked; the Store API refuses it from now on."));
		return "redirect:/app/settings/keys#publishable";
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, KeyForms forms) {
		Staff staff = Staff.of(request);
		Map<String, String> names = new LinkedHashMap<>();
		accounts.list().forEach(m -> names.put(m.id(), m.email()));
		List<SalesChannel> channels = markets.salesChannels();
		Map<String, String> channelNames = new LinkedHashMap<>();
		channels.forEach(c -> channelNames.put(c.id(), c.name()));
		model.addAttribute("frame", new Frame(staff, "API keys", "keys", Flash.take(request, response)));
		model.addAttribute("keys", secretKeys.list());
		model.addAttribute("names", names);
		model.addAttribute("permissions", List.of(Permission.values()));
		model.addAttribute("channels", channels);
		model.addAttribute("channelNames", channelNames);
		model.addAttribute("publishable", markets.allPublishableKeys());
		model.addAttribute("forms", forms);
		return "app/keys";
	}

	private static String clip(String value) {
		String s = value.replace("\0", "").strip();
		return s.length() > 200 ? s.substring(0, 200) : s;
	}
}
