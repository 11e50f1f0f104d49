package dev.loupe.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.identity.Logins;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Customer groups against PostgreSQL: names unique in any case, members added and removed, customers kept. */
@SpringBootTest
@ActiveProfiles("test")
class CustomerGroupsTests {

	@Autowired
	CustomerGroups groups;

	@Autowired
	Customers customers;

	@Autowired
	Logins logins;

	private final String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);

	private Customer customer(String name) {
		String email = name + "-" + run + "@example.com";
		var registration = logins.register(email, "correct horse battery", "127.0.0.1");
		return customers.register(registration.authIdentityId(), email, Input.of(Map.of("email", email, "first_name", name)));
	}

	private CustomerGroup group(String name) {
		return groups.create(Input.of(Map.of("name", name)));
	}

	@Test
	void aGroupGainsAndLosesMembersAndItsCountsFollow() {
		Customer ann = customer("ann");
		Customer bob = customer("bob");
		CustomerGroup vip = groups.create(Input.of(Map.of("name", " VIP " + run + " ", "metadata", Map.of("tier", "gold"))));
		assertThat(vip.id()).startsWith("cusgroup_");
		assertThat(vip.name()).isEqualTo("VIP " + run);
		assertThat(vip.metadata()).containsEntry("tier", "gold");
		assertThat(vip.memberCount()).isZero();

		CustomerGroup changed = groups.changeMembers(vip.id(), List.of(ann.id(), bob.id(), ann.id()), List.of());
		assertThat(changed.memberCount()).isEqualTo(2);
		assertThat(groups.members(vip.id(), 1, 0)).hasSize(1);
		assertThat(groups.members(vip.id(), 1, 1)).hasSize(1);
		assertThat(groups.members(vip.id(), 10, 0)).extracting(Customer::id).containsExactlyInAnyOrder(ann.id(), bob.id());
		assertThat(groups.groupIdsOf(ann.id())).containsExactly(vip.id());
		assertThat(groups.ofCustomer(bob.id())).extracting(CustomerGroup::name).containsExactly("VIP " + run);

		// Adding again changes nothing; removing one keeps the other.
		assertThat(groups.changeMembers(vip.id(), List.of(ann.id()), List.of(bob.id())).memberCount()).isEqualTo(1);
		assertThat(groups.groupIdsOf(bob.id())).isEmpty();
		assertThat(groups.groupIdsOf(null)).isEmpty();

		String byEmail = groups.addByEmail(vip.id(), " BOB-" + run + "@EXAMPLE.com ");
		assertThat(byEmail).isEqualTo(bob.id());
		assertThat(groups.get(vip.id()).memberCount()).isEqualTo(2);
		assertThat(groups.count(run)).isEqualTo(1);
		assertThat(groups.list(run, 10, 0)).extracting(CustomerGroup::id).containsExactly(vip.id());
	}

	@Test
	void namesAreUniqueWhateverTheirCaseAndRenamingKeepsMembers() {
		Customer cat = customer("cat");
		CustomerGroup wholesale = group("Wholesale " + run);
		groups.changeMembers(wholesale.id(), List.of(cat.id()), null);
		assertThatThrownBy(() -> group("WHOLESALE " + run)).isInstanceOf(LoupeException.class)
			.hasMessageContaining("already exists");
		CustomerGroup trade = group("Trade " + run);
		assertThatThrownBy(() -> groups.update(trade.id(), Input.of(Map.of("name", "wholesale " + run))))
			.hasMessageContaining("already exists");

		CustomerGroup renamed = groups.update(wholesale.id(), Input.of(Map.of("name", "Resellers " + run)));
		assertThat(renamed.name()).isEqualTo("Resellers " + run);
		assertThat(renamed.memberCount()).isEqualTo(1);
		// Changing only the case of its own name is allowed.
		assertThat(groups.update(renamed.id(), Input.of(Map.of("name", "RESELLERS " + run))).name())
			.isEqualTo("RESELLERS " + run);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		Customer dan = customer("dan");
		CustomerGroup staff = group("Staff " + run);
		assertThatThrownBy(() -> groups.create(Input.of(Map.of("name", "  ")))).hasMessageContaining("name");
		assertThatThrownBy(() -> groups.create(Input.of(Map.of()))).hasMessageContaining("name");
		assertThatThrownBy(() -> groups.create(Input.of(Map.of("name", "x".repeat(101))))).hasMessageContaining("name");
		assertThatThrownBy(() -> groups.create(Input.of(Map.of("name", "ok", "colour", "red"))))
			.hasMessageContaining("colour");
		// One unknown id refuses the whole change: the known customer is not added either.
		assertThatThrownBy(() -> groups.changeMembers(staff.id(), List.of(dan.id(), "cus_nobody"), List.of()))
			.hasMessageContaining("cus_nobody");
		assertThat(groups.get(staff.id()).memberCount()).isZero();
		assertThatThrownBy(() -> groups.addByEmail(staff.id(), "nobody-" + run + "@example.com"))
			.hasMessageContaining("No customer has the email");
		assertThatThrownBy(() -> groups.addByEmail(staff.id(), " ")).hasMessageContaining("email");
		assertThatThrownBy(() -> groups.get("cusgroup_nope")).isInstanceOf(LoupeException.class)
			.hasMessageContaining("was not found");
		assertThatThrownBy(() -> groups.delete("prod_1")).hasMessageContaining("was not found");
		assertThat(groups.find("cus_1")).isEmpty();
	}

	@Test
	void deletingAGroupKeepsItsCustomers() {
		Customer eve = customer("eve");
		CustomerGroup gone = group("Gone " + run);
		groups.changeMembers(gone.id(), List.of(eve.id()), List.of());
		groups.delete(gone.id());
		assertThat(groups.find(gone.id())).isEmpty();
		assertThat(customers.find(eve.id())).isPresent();
		assertThat(groups.groupIdsOf(eve.id())).isEmpty();
		assertThatThrownBy(() -> groups.delete(gone.id())).hasMessageContaining("was not found");
		// The name is free again.
		assertThat(group("gone " + run).name()).isEqualTo("gone " + run);
	}
}
