package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.StaffInvite;
import dev.loupe.identity.StaffInvites;
import dev.loupe.identity.StaffUser;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Accepting a staff invitation: the link in the invitation email opens a form (no session yet, so it is outside the
 * staff gate like sign-in, and protected by the same double-submitted token) where the invitee chooses a password
 * (hashed with Argon2id by {@link StaffInvites#accept}) and their name. Accepting is audited; then they sign in.
 */
@Controller
class InviteController {

	private final StaffInvites invites;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	InviteController(StaffInvites invites, AuditLog audit, TransactionTemplate tx) {
		this.invites = invites;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/invite")
	String form(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		Optional<StaffInvite> invite = token.length() == 64 ? invites.findOpen(token) : Optional.empty();
		if (invite.isEmpty()) {
			response.setStatus(404);
		}
		return page(request, response, model, invite.orElse(null), token, "", "", null);
	}

	@PostMapping("/app/invite")
	String accept(@RequestParam(defaultValue = "") String token,
			@RequestParam(name = "first_name", defaultValue = "") String firstName,
			@RequestParam(name = "last_name", defaultValue = "") String lastName,
			@RequestParam(defaultValue = "") String password,
			@RequestParam(name = "password_confirm", defaultValue = "") String confirm,
			@RequestParam(name = StaffCookies.CSRF_FIELD, required = false) String csrf, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		Optional<StaffInvite> invite = token.length() == 64 ? invites.findOpen(token) : Optional.empty();
		String first = clean(firstName);
		String last = clean(lastName);
		if (invite.isEmpty()) {
			response.setStatus(404);
			return page(request, response, model, null, token, first, last, null);
		}
		String cookie = StaffCookies.read(request, StaffCookies.LOGIN);
		if (cookie == null || csrf == null || !cookie.equals(csrf)) {
			response.setStatus(403);
			return page(request, response, model, invite.get(), token, first, last,
					"This form expired. Please try again.");
		}
		String error = null;
		if (first.isEmpty() || last.isEmpty()) {
			error = "Enter your first and last name.";
		}
		else if (firstName.length() > 100 || lastName.length() > 100 || firstName.indexOf('\0') >= 0
				|| lastName.indexOf('\0') >= 0) {
			error = "Names must be at most 100 characters.";
		}
		else if (!password.equals(confirm)) {
			error = "The two passwords differ.";
		}
		if (error != null) {
			response.setStatus(400);
			return page(request, response, model, invite.get(), token, first, last, error);
		}
		try {
			StaffUser user = tx.execute(s -> {
				StaffUser created = invites.accept(token, password, first, last);
				audit.record(Actor.staff(created.id()), "staff.invite_accepted", "staff_user", created.id(),
						Map.of("email", created.email(), "role", created.role().code(), "invite", invite.get().id(),
								"from", request.getRemoteAddr()));
				return created;
			});
			StaffCookies.clear(request, response, StaffCookies.LOGIN);
			Flash.put(request, response, Flash.success("Welcome, " + user.firstName() + ". Your account is ready: "
					+ "sign in with your email and new password."));
			return "redirect:/app/login";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, invite.get(), token, first, last, StaffController.sentence(e.getMessage()));
		}
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, StaffInvite invite,
			String token, String first, String last, String error) {
		String csrf = StaffCookies.randomToken();
		StaffCookies.set(request, response, StaffCookies.LOGIN, csrf, Duration.ofHours(2));
		model.addAttribute("invite", invite);
		model.addAttribute("token", invite == null ? "" : token);
		model.addAttribute("firstName", first);
		model.addAttribute("lastName", last);
		model.addAttribute("error", error);
		model.addAttribute("csrf", csrf);
		return "app/invite";
	}

	private static String clean(String value) {
		String s = value.strip().replace("\0", "");
		return s.length() > 100 ? s.substring(0, 100) : s;
	}
}
