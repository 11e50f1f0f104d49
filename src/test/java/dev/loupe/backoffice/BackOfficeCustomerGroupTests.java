package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.customer.Customer;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.customer.Customers;
import dev.loupe.identity.Logins;
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

/**
 * Customer groups in the back office over real HTTP as an associate: create, add by email, rename, remove, delete
 * (customers kept), a customer's own groups, the list filtered by group; bad forms come back with the reason; every
 * change audited; a buyer, who cannot see customers, gets 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeCustomerGroupTests {

	private static final String PASSWORD = "a long staff passphrase";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Logins logins;

	@Autowired
	Customers customers;

	@Autowired
	CustomerGroups groups;

	@Autowired
	AuditLog audit;

	String run;

	@BeforeEach
	void setUp() {
		run = Ids.next("t").substring(2, 12).toLowerCase(Locale.ROOT);
	}

	private BackOfficeClient signedIn(StaffRole role) {
		String email = "grp-" + role.code() + "-" + run + "@loupe.test";
		staff.create(email, PASSWORD, role, "Test", role.code());
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(email, PASSWORD).status()).isEqualTo(302);
		return client;
	}

	private Customer customer(String name) {
		String email = name + "-" + run + "@example.com";
		var registration = logins.register(email, "correct horse battery", "127.0.0.1");
		return customers.register(registration.authIdentityId(), email,
				Input.of(Map.of("email", email, "first_name", name)));
	}

	@Test
	void anAssociateRunsAGroupFromCreationToDeletion() {
		Customer ann = customer("ann");
		Customer bob = customer("bob");
		BackOfficeClient associate = signedIn(StaffRole.ASSOCIATE);

		Page list = associate.get("/app/customers/groups");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Customer groups").contains("href=\"/app/customers/groups\"");
		Page created = associate.submit("/app/customers/groups", Map.of("name", "VIP " + run));
		assertThat(created.status()).isEqualTo(302);
		String id = created.header("location").replaceAll(".*/app/customers/groups/", "");
		assertThat(id).startsWith("cusgroup_");
		assertThat(associate.get("/app/customers/groups").body()).contains("VIP " + run);

		Page detail = associate.get("/app/customers/groups/" + id);
		assertThat(detail.body()).contains("No customers in this group").contains("data-dialog=\"delete-dialog\"");
		assertThat(associate.submit("/app/customers/groups/" + id + "/members", Map.of("email", ann.email())).status())
			.isEqualTo(302);
		assertThat(associate.submit("/app/customers/groups/" + id + "/members", Map.of("email", bob.email().toUpperCase(
				Locale.ROOT))).status()).isEqualTo(302);
		detail = associate.get("/app/customers/groups/" + id);
		assertThat(detail.body()).contains(ann.email()).contains(bob.email()).contains("2 customers");

		// The customer list filtered by the group, and the customer's page with its groups.
		Page filtered = associate.get("/app/customers?group=" + id + "&q=ann-" + run);
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.body()).contains(ann.email()).doesNotContain(bob.email());
		Page annPage = associate.get("/app/customers/" + ann.id());
		assertThat(annPage.body()).contains("/app/customers/groups/" + id).contains("VIP " + run);

		// Rename; remove one member from the group page and the other from the customer's page.
		assertThat(associate.submit("/app/customers/groups/" + id, Map.of("name", "Gold " + run)).status())
			.isEqualTo(302);
		associate.get("/app/customers/groups/" + id);
		assertThat(associate.submit("/app/customers/groups/" + id + "/members/" + bob.id() + "/remove", Map.of())
			.status()).isEqualTo(302);
		associate.get("/app/customers/" + ann.id());
		assertThat(associate.submit("/app/customers/" + ann.id() + "/groups/" + id + "/remove", Map.of()).status())
			.isEqualTo(302);
		assertThat(groups.get(id).memberCount()).isZero();
		assertThat(groups.get(id).name()).isEqualTo("Gold " + run);
		// Back in from the customer's page.
		associate.get("/app/customers/" + ann.id());
		assertThat(associate.submit("/app/customers/" + ann.id() + "/groups", Map.of("group_id", id)).status())
			.isEqualTo(302);
		assertThat(groups.groupIdsOf(ann.id())).containsExactly(id);

		associate.get("/app/customers/groups/" + id);
		Page deleted = associate.submit("/app/customers/groups/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(groups.find(id)).isEmpty();
		assertThat(customers.find(ann.id())).isPresent();
		assertThat(associate.get("/app/customers/groups/" + id).status()).isEqualTo(404);

		List<AuditEntry> trail = audit.forResource("customer_group", id, 20);
		assertThat(trail).extracting(AuditEntry::action).contains("customer_group.created", "customer_group.updated",
				"customer_group.members_changed", "customer_group.deleted");
	}

	@Test
	void badFormsComeBackWithTheReasonAndChangeNothing() {
		customer("cat");
		CustomerGroup taken = groups.create(Input.of(Map.of("name", "Trade " + run)));
		BackOfficeClient associate = signedIn(StaffRole.ASSOCIATE);
		associate.get("/app/customers/groups");
		Page blank = associate.submit("/app/customers/groups", Map.of("name", "  "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("Give the group a name");
		Page duplicate = associate.submit("/app/customers/groups", Map.of("name", "TRADE " + run));
		assertThat(duplicate.status()).isBetween(400, 499);
		assertThat(duplicate.body()).contains("already exists").contains("value=\"TRADE " + run + "\"");
		assertThat(associate.submit("/app/customers/groups", Map.of("name", "x".repeat(300))).status()).isEqualTo(400);

		associate.get("/app/customers/groups/" + taken.id());
		Page unknown = associate.submit("/app/customers/groups/" + taken.id() + "/members",
				Map.of("email", "nobody-" + run + "@example.com"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("No customer has the email").contains("value=\"nobody-" + run + "@example.com\"");
		assertThat(groups.get(taken.id()).memberCount()).isZero();
		assertThat(associate.get("/app/customers/groups/cusgroup_nope").status()).isEqualTo(404);
		assertThat(associate.get("/app/customers/groups/" + taken.id() + "?page=0").status()).isEqualTo(400);
		assertThat(associate.get("/app/customers?group=cusgroup_nope").status()).isEqualTo(400);
		// A form without its CSRF token is refused.
		assertThat(associate.post("/app/customers/groups", Map.of("name", "No token " + run)).status())
			.isEqualTo(403);
	}

	@Test
	void aBuyerCannotSeeOrChangeGroups() {
		CustomerGroup group = groups.create(Input.of(Map.of("name", "Hidden " + run)));
		BackOfficeClient buyer = signedIn(StaffRole.BUYER);
		assertThat(buyer.get("/app/customers/groups").status()).isEqualTo(403);
		assertThat(buyer.get("/app/customers/groups/" + group.id()).status()).isEqualTo(403);
		buyer.get("/app");
		assertThat(buyer.submit("/app/customers/groups/" + group.id() + "/delete", Map.of()).status()).isEqualTo(403);
		assertThat(groups.find(group.id())).isPresent();
		assertThat(buyer.get("/app/products").body()).doesNotContain("href=\"/app/customers/groups\"");
	}
}
