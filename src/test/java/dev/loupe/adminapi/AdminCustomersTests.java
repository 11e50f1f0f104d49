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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Staff read customers through the Admin API, and every read lands in the audit log with the reader. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminCustomersTests {

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

	@Test
	void anAssociateReadsACustomerWithAddressesAndTheReadIsAudited() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String email = "reader-" + run + "@example.com";
		Principal registration = logins.register(email, "correct horse battery", "127.0.0.1");
		Customer customer = customers.register(registration.authIdentityId(), email,
				Input.of(Map.of("email", email, "first_name", "Rita", "last_name", "Reader")));
		customers.addAddress(customer.id(), Input.of(Map.of("first_name", "Rita", "address_1", "5 Quay Road",
				"city", "Cork", "country_code", "ie", "postal_code", "T12")));

		String associateEmail = "associate-" + run + "@loupe.test";
		var associate = staff.create(associateEmail, "a long staff passphrase", StaffRole.ASSOCIATE, "Al", "Associate");
		Answer login = new AdminApi(port, null).post("/auth/user/emailpass",
				"{\"email\": \"" + associateEmail + "\", \"password\": \"a long staff passphrase\"}");
		AdminApi api = AdminApi.bearer(port, login.body().path("token").asString());

		Answer list = api.get("/admin/customers?q=reader-" + run);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().path("count").asInt()).isEqualTo(1);
		Answer one = api.get("/admin/customers/" + customer.id());
		assertThat(one.body().path("customer").path("addresses").get(0).path("address_1").asString()).isEqualTo("5 Quay Road");
		assertThat(api.get("/admin/customers/cus_nobody").status()).isEqualTo(404);

		List<AuditEntry> reads = audit.forResource("customer", customer.id(), 5);
		assertThat(reads).extracting(AuditEntry::action).containsExactly("customer.viewed");
		assertThat(reads.getFirst().actor().id()).isEqualTo(associate.id());
		assertThat(audit.latest(50, 0)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("customer.list_viewed");
			assertThat(e.details().get("customer_ids")).isEqualTo(List.of(customer.id()));
		});
	}
}
