package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.Permission;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffInvite;
import dev.loupe.identity.StaffInvites;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.StaffUser;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Staff and invitations for admins: who has access with which role and when they last signed in; inviting by email
 * and role (the link goes out through the email outbox), changing a role, deactivating a member of staff (never
 * yourself, never the last admin; their sessions end at once), and resending or revoking an invitation. Every change
 * is audited.
 */
@Controller
public class StaffController {

	static final int INVITES_SHOWN = 50;
	static final int PAGE_SIZE = 50;
	static final int MAX_PAGE = 100;

	private final StaffAccounts accounts;
	private final StaffInvites invites;
	private final Sessions sessions;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;

	StaffController(StaffAccounts accounts, StaffInvites invites, Sessions sessions, AuditLog audit,
			TransactionTemplate tx, Clock clock) {
		this.accounts = accounts;
		this.invites = invites;
		this.sessions = sessions;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	/** The invite form as typed, and what was wrong with it. */
	public record InviteForm(String email, String role, String error) {
	}

	@GetMapping("/app/settings/staff")
	@Requires(Permission.SETTINGS_WRITE)
	String list(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + ".");
		}
		return page(request, response, model, new InviteForm("", "associate", null), page);
	}

	@PostMapping("/app/settings/staff/invite")
	@Requires(Permission.SETTINGS_WRITE)
	String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		String typed = email.length() > 300 ? email.substring(0, 300) : email.strip();
		try {
			if (email.isBlank()) {
				throw LoupeException.invalidData("Enter the email address to invite.");
			}
			if (email.length() > 254 || email.indexOf('\0') >= 0) {
				throw LoupeException.invalidData("Enter a valid email address.");
			}
			StaffRole chosen = role(role);
			StaffInvite invite = tx.execute(s -> {
				StaffInvite created = invites.invite(email, chosen, staff.user().id());
				audit.record(Actor.staff(staff.user().id()), "staff.invited", "staff_invite", created.id(),
						Map.of("email", created.email(), "role", chosen.code(), "from", request.getRemoteAddr()));
				return created;
			});
			Flash.put(request, response, Flash.success("Invitation sent to " + invite.email() + " as "
					+ chosen.code() + "; the link is valid for 7 days."));
			return "redirect:/app/settings/staff";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(request, response, model, new InviteForm(typed.replace("\0", ""), role.length() > 20 ? ""
					: role, sentence(e.getMessage())), 1);
		}
	}

	@PostMapping("/app/settings/staff/{id}/role")
	@Requires(Permission.SETTINGS_WRITE)
	String changeRole(@PathVariable String id, @RequestParam(defaultValue = "") String role, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		StaffUser member = member(id);
		try {
			StaffRole chosen = role(role);
			if (member.id().equals(staff.user().id())) {
				throw LoupeException.notAllowed("You cannot change your own role; ask another admin.");
			}
			if (chosen != member.role()) {
				tx.executeWithoutResult(s -> {
					accounts.update(member.id(), null, null, chosen);
					audit.record(Actor.staff(staff.user().id()), "staff.role_changed", "staff_user", member.id(),
							Map.of("email", member.email(), "role", chosen.code(), "previous", member.role().code(),
									"from", request.getRemoteAddr()));
				});
			}
			Flash.put(request, response, Flash.success(member.email() + " is now " + article(chosen.code()) + " "
					+ chosen.code() + "."));
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			Flash.put(request, response, new Flash("error", sentence(e.getMessage())));
		}
		return "redirect:/app/settings/staff";
	}

	@PostMapping("/app/settings/staff/{id}/deactivate")
	@Requires(Permission.SETTINGS_WRITE)
	String deactivate(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		StaffUser member = member(id);
		try {
			if (member.id().equals(staff.user().id())) {
				throw LoupeException.notAllowed("You cannot deactivate yourself; ask another admin.");
			}
			tx.executeWithoutResult(s -> {
				accounts.remove(member.id());
				sessions.revokeAll(member.id());
				audit.record(Actor.staff(staff.user().id()), "staff.deactivated", "staff_user", member.id(),
						Map.of("email", member.email(), "role", member.role().code(), "from", request.getRemoteAddr()));
			});
			Flash.put(request, response, Flash.success(member.email() + " is deactivated and signed out everywhere."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", sentence(e.getMessage())));
		}
		return "redirect:/app/settings/staff";
	}

	@PostMapping("/app/settings/staff/invites/{id}/resend")
	@Requires(Permission.SETTINGS_WRITE)
	String resend(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		StaffInvite invite = invitation(id);
		try {
			if (invite.acceptedAt() != null) {
				throw LoupeException.conflict("This invitation was accepted already.");
			}
			StaffInvite fresh = tx.execute(s -> {
				StaffInvite created = invites.invite(invite.email(), invite.role(), staff.user().id());
				audit.record(Actor.staff(staff.user().id()), "staff.invite_resent", "staff_invite", created.id(),
						Map.of("email", created.email(), "role", created.role().code(), "replaces", invite.id(),
								"from", request.getRemoteAddr()));
				return created;
			});
			Flash.put(request, response, Flash.success("A new invitation went to " + fresh.email()
					+ "; the earlier link no longer works."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", sentence(e.getMessage())));
		}
		return "redirect:/app/settings/staff";
	}

	@PostMapping("/app/settings/staff/invites/{id}/revoke")
	@Requires(Permission.SETTINGS_WRITE)
	String revoke(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		StaffInvite invite = invitation(id);
		if (invite.acceptedAt() != null) {
			Flash.put(request, response, new Flash("error", "This invitation was accepted already; deactivate the "
					+ "member of staff instead."));
			return "redirect:/app/settings/staff";
		}
		if (invite.revokedAt() == null) {
			tx.executeWithoutResult(s -> {
				invites.revoke(invite.id());
				audit.record(Actor.staff(staff.user().id()), "staff.invite_revoked", "staff_invite", invite.id(),
						Map.of("email", invite.email(), "from", request.getRemoteAddr()));
			});
		}
		Flash.put(request, response, Flash.success("The invitation of " + invite.email() + " is revoked; its link no "
				+ "longer works."));
		return "redirect:/app/settings/staff";
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, InviteForm form,
			int page) {
		Staff staff = Staff.of(request);
		// The signed-in admin first, then everyone by email.
		List<StaffUser> everyone = new java.util.ArrayList<>(accounts.list());
		everyone.sort(java.util.Comparator.comparing((StaffUser m) -> !m.id().equals(staff.user().id())));
		int from = Math.min(everyone.size(), (page - 1) * PAGE_SIZE);
		int to = Math.min(everyone.size(), from + PAGE_SIZE);
		List<StaffUser> members = everyone.subList(from, to);
		model.addAttribute("total", everyone.size());
		model.addAttribute("pager", new Pager(page, page > 1 ? "/app/settings/staff?page=" + (page - 1) : null,
				to < everyone.size() && page < MAX_PAGE ? "/app/settings/staff?page=" + (page + 1) : null, from + 1, to));
		List<StaffInvite> all = invites.list();
		Map<String, String> names = new LinkedHashMap<>();
		model.addAttribute("frame", new Frame(staff, "Staff", "staff", Flash.take(request, response)));
		model.addAttribute("members", members);
		model.addAttribute("lastSignIns", accounts.lastSignIns());
		model.addAttribute("invites", all.size() > INVITES_SHOWN ? all.subList(0, INVITES_SHOWN) : all);
		everyone.forEach(m -> names.put(m.id(), m.email()));
		model.addAttribute("names", names);
		model.addAttribute("roles", List.of(StaffRole.values()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("form", form);
		model.addAttribute("me", staff.user().id());
		return "app/staff";
	}

	private StaffUser member(String id) {
		return (id.length() <= 60 ? accounts.find(id) : Optional.<StaffUser>empty())
			.orElseThrow(() -> LoupeException.notFound("Member of staff", shown(id)));
	}

	private StaffInvite invitation(String id) {
		return (id.length() <= 60 ? invites.lookup(id) : Optional.<StaffInvite>empty())
			.orElseThrow(() -> LoupeException.notFound("Invitation", shown(id)));
	}

	static StaffRole role(String code) {
		for (StaffRole r : StaffRole.values()) {
			if (r.code().equals(code)) {
				return r;
			}
		}
		throw LoupeException.invalidData("Choose a role from the list.");
	}

	static String shown(String id) {
		return id.matches("[A-Za-z0-9_]{1,60}") ? id : "(malformed)";
	}

	static String sentence(String message) {
		if (message == null || message.isEmpty()) {
			return "That did not work.";
		}
		return Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

	private static String article(String word) {
		return "aeiou".indexOf(word.toLowerCase(Locale.ROOT).charAt(0)) >= 0 ? "an" : "a";
	}
}
