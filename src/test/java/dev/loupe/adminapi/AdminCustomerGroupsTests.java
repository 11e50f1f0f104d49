package dev.loupe.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.adminapi.AdminApi.Answer;
import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.customer.Customer;
import dev.loupe.customer.Customers;
import dev.loupe.identity.Logins;
import dev.loupe.identity.Principal;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Medusa's {@code /admin/customer-groups} over HTTP: the shapes, the refusals and who may call them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminCustomerGroupsTests {

	@LocalServerPort
	int port;

	@Autowired
	Logins logins;

	@Autowired
	Customers customers;

	@Autowired
	StaffAccounts staff;

	@Autowired
	AuditLog audit;

	String run;

	AdminApi associate;

	AdminApi buyer;

	@BeforeEach
	void logIn() {
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		associate = as(StaffRole.ASSOCIATE);
		buyer = as(StaffRole.BUYER);
	}

	private AdminApi as(StaffRole role) {
		String email = role.code() + "-groups-" + run + "@loupe.test";
		staff.create(email, "a long staff passphrase", role, "Test", role.code());
		Answer login = new AdminApi(port, null).post("/auth/user/emailpass",
				"{\"email\": \"" + email + "\", \"password\": \"a long staff passphrase\"}");
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return AdminApi.bearer(port, login.body().path("token").asString());
	}

	private Customer customer(String name) {
		String email = name + "-" + run + "@example.com";
		Principal registration = logins.register(email, "correct horse battery", "127.0.0.1");
		return customers.register(registration.authIdentityId(), email, Input.of(Map.of("email", email)));
	}

	@Test
	void anAssociateCreatesAGroupAddsCustomersAndTheCustomerShowsItsGroups() {
		Customer ann = customer("ann");
		Customer bob = customer("bob");
		Answer created = associate.post("/admin/customer-groups",
				"{\"name\": \"VIP " + run + "\", \"metadata\": {\"source\": \"test\"}}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		var group = created.body().path("customer_group");
		String id = group.path("id").asString();
		assertThat(id).startsWith("cusgroup_");
		assertThat(group.path("name").asString()).isEqualTo("VIP " + run);
		assertThat(group.path("metadata").path("source").asString()).isEqualTo("test");
		assertThat(group.path("created_at").asString()).isNotBlank();
		assertThat(group.path("updated_at").asString()).isNotBlank();

		Answer members = associate.post("/admin/customer-groups/" + id + "/customers",
				"{\"add\": [\"" + ann.id() + "\", \"" + bob.id() + "\"]}");
		assertThat(members.status()).as(members.raw()).isEqualTo(200);
		assertThat(associate.post("/admin/customer-groups/" + id + "/customers", "{\"remove\": [\"" + bob.id() + "\"]}")
			.status()).isEqualTo(200);
		var customer = associate.get("/admin/customers/" + ann.id()).body().path("customer");
		assertThat(customer.path("groups").get(0).path("id").asString()).isEqualTo(id);
		assertThat(associate.get("/admin/customers/" + bob.id()).body().path("customer").path("groups").size()).isZero();

		Answer renamed = associate.post("/admin/customer-groups/" + id, "{\"name\": \"Gold " + run + "\"}");
		assertThat(renamed.body().path("customer_group").path("name").asString()).isEqualTo("Gold " + run);
		Answer list = associate.get("/admin/customer-groups?q=gold%20" + run + "&limit=5");
		assertThat(list.status()).as(list.raw()).isEqualTo(200);
		assertThat(list.body().path("count").asInt()).isEqualTo(1);
		assertThat(list.body().path("offset").asInt()).isZero();
		assertThat(list.body().path("limit").asInt()).isEqualTo(5);
		assertThat(list.body().path("customer_groups").get(0).path("id").asString()).isEqualTo(id);
		assertThat(associate.get("/admin/customer-groups/" + id).body().path("customer_group").path("name").asString())
			.isEqualTo("Gold " + run);

		Answer deleted = associate.delete("/admin/customer-groups/" + id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().path("object").asString()).isEqualTo("customer_group");
		assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
		assertThat(associate.get("/admin/customer-groups/" + id).status()).isEqualTo(404);
		assertThat(associate.get("/admin/customers/" + ann.id()).status()).isEqualTo(200);

		List<AuditEntry> trail = audit.forResource("customer_group", id, 10);
		assertThat(trail).extracting(AuditEntry::action).contains("customer_group.created",
				"customer_group.members_changed", "customer_group.updated", "customer_group.deleted");
	}

	@Test
	void badInputIsA400AndAnUnknownGroupA404() {
		String id = associate.post("/admin/customer-groups", "{\"name\": \"Trade " + run + "\"}").body()
			.path("customer_group").path("id").asString();
		assertRefused(associate.post("/admin/customer-groups", "{}"), 400, "name");
		assertRefused(associate.post("/admin/customer-groups", "{\"name\": 7}"), 400, "name");
		assertRefused(associate.post("/admin/customer-groups", "{\"name\": \"ok\", \"bogus\": 1}"), 400, "bogus");
		assertRefused(associate.post("/admin/customer-groups", "not json"), 400, "");
		Answer duplicate = associate.post("/admin/customer-groups", "{\"name\": \"TRADE " + run + "\"}");
		assertThat(duplicate.status()).as(duplicate.raw()).isBetween(400, 422);
		assertThat(duplicate.body().path("message").asString()).contains("already exists");
		assertRefused(associate.post("/admin/customer-groups/" + id + "/customers", "{\"add\": [\"cus_nobody\"]}"), 400,
				"cus_nobody");
		assertRefused(associate.post("/admin/customer-groups/" + id + "/customers", "{\"add\": \"cus_1\"}"), 400, "add");
		assertRefused(associate.post("/admin/customer-groups/" + id + "/customers", "{\"other\": []}"), 400, "other");
		assertRefused(associate.get("/admin/customer-groups/cusgroup_nope"), 404, "cusgroup_nope");
		assertRefused(associate.post("/admin/customer-groups/cusgroup_nope", "{\"name\": \"x\"}"), 404, "cusgroup_nope");
		assertRefused(associate.delete("/admin/customer-groups/cusgroup_nope"), 404, "cusgroup_nope");
		assertRefused(associate.post("/admin/customer-groups/cusgroup_nope/customers", "{\"add\": []}"), 404,
				"cusgroup_nope");
	}

	@Test
	void aBuyerWhoCannotSeeCustomersCannotSeeOrChangeGroups() {
		assertThat(buyer.get("/admin/customer-groups").status()).isEqualTo(403);
		assertThat(buyer.post("/admin/customer-groups", "{\"name\": \"Nope " + run + "\"}").status()).isEqualTo(403);
		assertThat(associate.get("/admin/customer-groups?q=nope%20" + run).body().path("count").asInt())
			.isZero();
	}

	private static void assertRefused(Answer answer, int status, String naming) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.type()).as(answer.raw()).isNotBlank();
		assertThat(answer.body().path("message").asString()).as(answer.raw()).contains(naming);
	}
}
