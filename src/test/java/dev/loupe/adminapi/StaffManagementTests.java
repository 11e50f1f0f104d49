package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.notification.Message;
import dev.loupe.notification.Notifications;
import dev.loupe.platform.Ids;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Staff join by invitation, change role, leave; integrations' keys are created and revoked — all over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffManagementTests {

	private static final String PASSPHRASE = "a long staff passphrase";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Notifications notifications;

	@Autowired
	AuditLog audit;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	AdminApi admin;
	String run;

	@BeforeEach
	void logInAnAdmin() {
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String email = "admin-" + run + "@loupe.test";
		staff.create(email, PASSPHRASE, StaffRole.ADMIN, "Ada", "Admin");
		admin = login(email, PASSPHRASE);
	}

	@AfterEach
	void forgetFailures() {
		throttle.forgetAddress("127.0.0.1");
	}

	@Test
	void anInvitedBuyerJoinsManagesTheCatalogueAndLosesAccessWhenRemoved() {
		String email = "buyer-" + run + "@loupe.test";
		Answer invited = admin.post("/admin/invites", "{\"email\": \"" + email + "\", \"role\": \"buyer\"}");
		assertThat(invited.status()).as(invited.raw()).isEqualTo(200);
		assertThat(invited.body().path("invite").path("role").asString()).isEqualTo("buyer");
		assertThat(invited.raw()).doesNotContain("token");
		List<Message> mail = notifications.to(email, 5);
		assertThat(mail).hasSize(1);
		String token = mail.getFirst().bodyText().replaceAll("(?s).*token=([0-9a-f]{64}).*", "$1");

		AdminApi anonymous = new AdminApi(port, null);
		assertThat(anonymous.post("/auth/user/invite/accept", "{\"token\": \"" + token + "\", \"password\": \"short\"}")
			.status()).isEqualTo(400);
		Answer accepted = anonymous.post("/auth/user/invite/accept", "{\"token\": \"" + token + "\", \"password\": \""
				+ PASSPHRASE + "\", \"first_name\": \"Bo\", \"last_name\": \"Buyer\"}");
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		assertThat(anonymous.post("/auth/user/invite/accept", "{\"token\": \"" + token + "\", \"password\": \"" + PASSPHRASE
				+ "\"}").status()).isEqualTo(401);

		AdminApi buyer = AdminApi.bearer(port, accepted.body().path("token").asString());
		Answer me = buyer.get("/admin/users/me");
		assertThat(me.body().path("user").path("role").asString()).isEqualTo("buyer");
		assertThat(buyer.post("/admin/product-types", "{\"value\": \"Buyer type " + run + "\"}").status()).isEqualTo(200);
		assertThat(buyer.get("/admin/users").status()).isEqualTo(403);

		String buyerId = me.body().path("user").path("id").asString();
		assertThat(admin.post("/admin/users/" + buyerId, "{\"role\": \"associate\"}").body().path("user").path("role")
			.asString()).isEqualTo("associate");
		assertThat(buyer.post("/admin/product-types", "{\"value\": \"Associate type " + run + "\"}").status()).isEqualTo(403);

		assertThat(admin.delete("/admin/users/" + buyerId).status()).isEqualTo(200);
		assertThat(buyer.get("/admin/products?limit=1").status()).isEqualTo(401);
		assertThat(anonymous.post("/auth/user/emailpass", "{\"email\": \"" + email + "\", \"password\": \"" + PASSPHRASE
				+ "\"}").status()).isEqualTo(401);
		assertThat(audit.forResource("user", buyerId, 10)).extracting(AuditEntry::action)
			.containsExactly("user.deleted", "user.updated");
	}

	@Test
	void theLastAdminStays() {
		String me = admin.get("/admin/users/me").body().path("user").path("id").asString();
		long admins = staff.list().stream().filter(u -> u.role() == StaffRole.ADMIN).count();
		if (admins == 1) {
			assertThat(admin.delete("/admin/users/" + me).type()).isEqualTo("not_allowed");
		}
		assertThat(admin.post("/admin/users/" + me, "{\"role\": \"wizard\"}").status()).isEqualTo(400);
		assertThat(admin.post("/admin/invites", "{\"email\": \"admin-" + run + "@loupe.test\"}").status()).isEqualTo(422);
		assertThat(admin.post("/admin/invites", "{\"email\": \"not an email\"}").status()).isEqualTo(400);
	}

	@Test
	void anIntegrationKeyWorksUntilRevoked() {
		Answer created = admin.post("/admin/api-keys", "{\"title\": \"ERP " + run + "\", \"type\": \"secret\"}");
		assertThat(created.status()).isEqualTo(200);
		String token = created.body().path("api_key").path("token").asString();
		String id = created.body().path("api_key").path("id").asString();
		assertThat(token).matches("sk_[0-9a-f]{64}");
		assertThat(admin.get("/admin/api-keys/" + id).raw()).doesNotContain(token);
		AdminApi erp = AdminApi.bearer(port, token);
		assertThat(erp.get("/admin/products?limit=1").status()).isEqualTo(200);
		assertThat(erp.get("/admin/users/me").status()).isEqualTo(400);
		assertThat(admin.post("/admin/api-keys/" + id + "/revoke", "").status()).isEqualTo(200);
		assertThat(erp.get("/admin/products?limit=1").status()).isEqualTo(401);
		assertThat(admin.post("/admin/api-keys", "{\"title\": \"x\", \"type\": \"publishable\"}").status()).isEqualTo(400);
	}

	@Test
	void aKeyDoesOnlyWhatItsScopesAllow() {
		Answer created = admin.post("/admin/api-keys", "{\"title\": \"Reader " + run + "\", \"scopes\": [\"catalog:read\"]}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		assertThat(created.body().path("api_key").path("scopes").toString()).isEqualTo("[\"catalog:read\"]");
		AdminApi reader = AdminApi.bearer(port, created.body().path("api_key").path("token").asString());
		assertThat(reader.get("/admin/products?limit=1").status()).isEqualTo(200);
		Answer write = reader.post("/admin/product-types", "{\"value\": \"Reader type " + run + "\"}");
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.body().path("message").asString()).contains("scopes");
		assertThat(reader.get("/admin/users").status()).isEqualTo(403);
		assertThat(admin.post("/admin/api-keys", "{\"title\": \"x\", \"scopes\": [\"root\"]}").status()).isEqualTo(400);
		assertThat(admin.post("/admin/api-keys", "{\"title\": \"x\", \"scopes\": []}").status()).isEqualTo(400);
	}

	@Test
	void tenWrongPasswordsLockAStaffLogin() {
		String email = "locked-" + run + "@loupe.test";
		staff.create(email, PASSPHRASE, StaffRole.WAREHOUSE, "Lee", "Locked");
		AdminApi anonymous = new AdminApi(port, null);
		for (int i = 0; i < 10; i++) {
			assertThat(anonymous.post("/auth/user/emailpass", "{\"email\": \"" + email + "\", \"password\": \"wrong guess "
					+ i + "\"}").status()).isEqualTo(401);
		}
		Answer locked = anonymous.post("/auth/user/emailpass", "{\"email\": \"" + email + "\", \"password\": \""
				+ PASSPHRASE + "\"}");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(jdbc.sql("select locked_until is not null from identity.staff_user where email = ?").param(email)
			.query(Boolean.class).single()).isTrue();
	}

	private AdminApi login(String email, String password) {
		Answer login = new AdminApi(port, null).post("/auth/user/emailpass",
				"{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
		assertThat(login.status()).isEqualTo(200);
		return AdminApi.bearer(port, login.body().path("token").asString());
	}
}
