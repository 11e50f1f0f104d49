package dev.loupe.adminapi.internal;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.IssuedSecretApiKey;
import dev.loupe.identity.Permission;
import dev.loupe.identity.SecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.identity.Sessions;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffInvite;
import dev.loupe.identity.StaffInvites;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.StaffUser;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff users, invitations and secret API keys: Medusa's {@code /admin/users}, {@code /admin/invites}, {@code /admin/api-keys}. */
@RestController
class AdminSettingsRoutes {

	private final StaffAccounts staff;
	private final StaffInvites invites;
	private final SecretApiKeys keys;
	private final Sessions sessions;
	private final AuditLog audit;
	private final AdminRequest requests;
	private final Clock clock;

	AdminSettingsRoutes(StaffAccounts staff, StaffInvites invites, SecretApiKeys keys, Sessions sessions, AuditLog audit,
			AdminRequest requests, Clock clock) {
		this.staff = staff;
		this.invites = invites;
		this.keys = keys;
		this.sessions = sessions;
		this.audit = audit;
		this.requests = requests;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- users

	@GetMapping("/admin/users")
	Map<String, Object> users() {
		var all = staff.list().stream().map(AdminSettingsRoutes::user).toList();
		return AdminJson.list("users", all, all.size(), 0, all.size());
	}

	/** The member of staff calling; integrations have no user (400). */
	@GetMapping("/admin/users/me")
	Map<String, Object> me(HttpServletRequest http) {
		Actor actor = AdminRequest.actor(http);
		if (actor.type() != Actor.Type.STAFF) {
			throw LoupeException.invalidData("A secret API key belongs to no user");
		}
		return Map.of("user", user(staff.find(actor.id()).orElseThrow(() -> LoupeException.unauthorized("Unauthorized"))));
	}

	@GetMapping("/admin/users/{id}")
	Map<String, Object> getUser(@PathVariable String id) {
		return Map.of("user", user(staff.find(id).orElseThrow(() -> LoupeException.notFound("User", id))));
	}

	@PostMapping("/admin/users/{id}")
	@Transactional
	Map<String, Object> updateUser(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(Set.of("first_name", "last_name", "role"));
		StaffUser updated = staff.update(id, body.text("first_name", 200), body.text("last_name", 200),
				role(body));
		audit.record(AdminRequest.actor(http), "user.updated", "user", id,
				Map.of("fields", body.names().stream().sorted().toList()));
		return Map.of("user", user(updated));
	}

	@DeleteMapping("/admin/users/{id}")
	@Transactional
	Map<String, Object> deleteUser(@PathVariable String id, HttpServletRequest http) {
		staff.remove(id);
		sessions.revokeAll(id);
		audit.record(AdminRequest.actor(http), "user.deleted", "user", id, null);
		return AdminJson.deleted(id, "user", null);
	}

	// ---------------------------------------------------------------- invites

	@GetMapping("/admin/invites")
	Map<String, Object> invites() {
		Instant now = clock.instant();
		var all = invites.list().stream().map(i -> invite(i, now)).toList();
		return AdminJson.list("invites", all, all.size(), 0, all.size());
	}

	@PostMapping("/admin/invites")
	@Transactional
	Map<String, Object> invite(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(Set.of("email", "role", "metadata"));
		StaffRole role = role(body);
		StaffInvite created = invites.invite(body.requiredText("email", 300), role == null ? StaffRole.ASSOCIATE : role,
				AdminRequest.actor(http).id());
		audit.record(AdminRequest.actor(http), "invite.created", "invite", created.id(),
				Map.of("role", created.role().code()));
		return Map.of("invite", invite(created, clock.instant()));
	}

	@DeleteMapping("/admin/invites/{id}")
	@Transactional
	Map<String, Object> deleteInvite(@PathVariable String id, HttpServletRequest http) {
		invites.revoke(id);
		audit.record(AdminRequest.actor(http), "invite.deleted", "invite", id, null);
		return AdminJson.deleted(id, "invite", null);
	}

	// ---------------------------------------------------------------- API keys

	@GetMapping("/admin/api-keys")
	Map<String, Object> apiKeys() {
		var all = keys.list().stream().map(k -> apiKey(k, null)).toList();
		return AdminJson.list("api_keys", all, all.size(), 0, all.size());
	}

	@GetMapping("/admin/api-keys/{id}")
	Map<String, Object> apiKey(@PathVariable String id) {
		return Map.of("api_key", apiKey(keys.find(id).orElseThrow(() -> LoupeException.notFound("API key", id)), null));
	}

	/** Creates a secret key; its token is in this answer only. */
	@PostMapping("/admin/api-keys")
	@Transactional
	Map<String, Object> createApiKey(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(Set.of("title", "type", "scopes"));
		String type = body.text("type", 20);
		if (type != null && !type.equals("secret")) {
			throw body.invalid("type", "must be secret (publishable keys are managed with sales channels)");
		}
		Set<Permission> scopes = EnumSet.allOf(Permission.class);
		List<String> named = body.texts("scopes", 10, 40);
		if (named != null) {
			scopes = EnumSet.noneOf(Permission.class);
			for (String code : named) {
				scopes.add(Permission.ofCode(code).orElseThrow(() -> body.invalid("scopes", "holds an unknown scope '"
						+ code.replaceAll("[^a-z:_]", "?") + "'; known: " + Arrays.stream(Permission.values())
							.map(Permission::code).toList())));
			}
		}
		IssuedSecretApiKey issued = keys.create(body.requiredText("title", 200), AdminRequest.actor(http).id(), scopes);
		audit.record(AdminRequest.actor(http), "api_key.created", "api_key", issued.key().id(), null);
		return Map.of("api_key", apiKey(issued.key(), issued.token()));
	}

	@PostMapping("/admin/api-keys/{id}/revoke")
	@Transactional
	Map<String, Object> revokeApiKey(@PathVariable String id, HttpServletRequest http) {
		SecretApiKey revoked = keys.revoke(id, AdminRequest.actor(http).id());
		audit.record(AdminRequest.actor(http), "api_key.revoked", "api_key", id, null);
		return Map.of("api_key", apiKey(revoked, null));
	}

	private static StaffRole role(Input body) {
		String role = body.text("role", 40);
		if (role == null) {
			return null;
		}
		try {
			return StaffRole.valueOf(role.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw body.invalid("role", "must be one of admin, associate, optician, lab, warehouse, buyer");
		}
	}

	private static Map<String, Object> user(StaffUser u) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", u.id());
		m.put("email", u.email());
		m.put("first_name", u.firstName());
		m.put("last_name", u.lastName());
		m.put("role", u.role().code());
		m.put("avatar_url", null);
		m.put("metadata", null);
		return m;
	}

	private static Map<String, Object> invite(StaffInvite i, Instant now) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", i.id());
		m.put("email", i.email());
		m.put("role", i.role().code());
		m.put("accepted", i.acceptedAt() != null);
		m.put("expires_at", i.expiresAt().toString());
		m.put("open", i.isOpen(now));
		m.put("created_at", i.createdAt().toString());
		return m;
	}

	private static Map<String, Object> apiKey(SecretApiKey k, String token) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", k.id());
		m.put("title", k.title());
		m.put("type", "secret");
		m.put("redacted", k.redacted());
		m.put("scopes", k.scopes().stream().sorted().map(Permission::code).toList());
		if (token != null) {
			m.put("token", token);
		}
		m.put("created_by", k.createdBy());
		m.put("created_at", k.createdAt().toString());
		m.put("last_used_at", k.lastUsedAt() == null ? null : k.lastUsedAt().toString());
		m.put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().toString());
		return m;
	}
}
