package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.customer.Customer;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.customer.Customers;
import dev.loupe.identity.Permission;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customer groups: listed with member counts, created, renamed and deleted (the customers stay), members added by
 * email and removed; and a customer's own groups on the customer page. Whoever may see customers may group them.
 * Every change is written to the audit log.
 */
@Controller
class CustomerGroupsController {

	static final int PAGE_SIZE = 25;
	static final int MAX_PAGE = 400;

	private final CustomerGroups groups;
	private final Customers customers;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	CustomerGroupsController(CustomerGroups groups, Customers customers, AuditLog audit, TransactionTemplate tx) {
		this.groups = groups;
		this.customers = customers;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/customers/groups")
	@Requires(Permission.CUSTOMERS_READ)
	String list(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return listPage(Staff.of(request), page, Flash.take(request, response), Map.of(), model);
	}

	@PostMapping("/app/customers/groups")
	@Requires(Permission.CUSTOMERS_READ)
	String create(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		try {
			String name = Forms.param(params, "name", 200);
			if (name.isEmpty()) {
				throw LoupeException.invalidData("Give the group a name.");
			}
			CustomerGroup group = tx.execute(s -> {
				CustomerGroup created = groups.create(Input.of(Map.of("name", name)));
				Forms.record(audit, staff, request, "customer_group.created", "customer_group", created.id(),
						Map.of("name", created.name()));
				return created;
			});
			Flash.put(request, response, Flash.success("Created the group " + group.name() + "."));
			return "redirect:/app/customers/groups/" + group.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return listPage(staff, 1, new Flash("error", e.getMessage()), params, model);
		}
	}

	@GetMapping("/app/customers/groups/{id}")
	@Requires(Permission.CUSTOMERS_READ)
	String show(@PathVariable String id, @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		CustomerGroup group = group(id);
		return showPage(Staff.of(request), group, page, Flash.take(request, response), Map.of(), model);
	}

	@PostMapping("/app/customers/groups/{id}")
	@Requires(Permission.CUSTOMERS_READ)
	String rename(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		CustomerGroup group = group(id);
		try {
			String name = Forms.param(params, "name", 200);
			if (name.isEmpty()) {
				throw LoupeException.invalidData("Give the group a name.");
			}
			CustomerGroup renamed = tx.execute(s -> {
				CustomerGroup changed = groups.update(group.id(), Input.of(Map.of("name", name)));
				Forms.record(audit, staff, request, "customer_group.updated", "customer_group", group.id(),
						Map.of("name", changed.name(), "was", group.name()));
				return changed;
			});
			Flash.put(request, response, Flash.success("Renamed the group " + renamed.name() + "."));
			return "redirect:/app/customers/groups/" + group.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return showPage(staff, group, 1, new Flash("error", e.getMessage()), params, model);
		}
	}

	@PostMapping("/app/customers/groups/{id}/delete")
	@Requires(Permission.CUSTOMERS_READ)
	String delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		CustomerGroup group = group(id);
		tx.executeWithoutResult(s -> {
			groups.delete(group.id());
			Forms.record(audit, staff, request, "customer_group.deleted", "customer_group", group.id(),
					Map.of("name", group.name(), "members", group.memberCount()));
		});
		Flash.put(request, response, Flash.success("Deleted the group " + group.name()
				+ (group.memberCount() > 0 ? "; its " + group.memberCount() + " customer(s) are kept." : ".")));
		return "redirect:/app/customers/groups";
	}

	@PostMapping("/app/customers/groups/{id}/members")
	@Requires(Permission.CUSTOMERS_READ)
	String addMember(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		CustomerGroup group = group(id);
		try {
			String email = Forms.param(params, "email", 254);
			String customerId = tx.execute(s -> {
				String added = groups.addByEmail(group.id(), email);
				Forms.record(audit, staff, request, "customer_group.members_changed", "customer_group", group.id(),
						Map.of("added", List.of(added), "removed", List.of()));
				return added;
			});
			Flash.put(request, response, Flash.success("Added " + email.strip() + " to " + group.name() + "."));
			return "redirect:/app/customers/groups/" + group.id() + "#" + customerId;
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return showPage(staff, group, 1, new Flash("error", e.getMessage()), params, model);
		}
	}

	@PostMapping("/app/customers/groups/{id}/members/{customerId}/remove")
	@Requires(Permission.CUSTOMERS_READ)
	String removeMember(@PathVariable String id, @PathVariable String customerId, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		CustomerGroup group = group(id);
		Customer customer = customer(customerId);
		changeMembers(staff, request, group, List.of(), List.of(customer.id()));
		Flash.put(request, response, Flash.success("Removed " + customer.email() + " from " + group.name() + "."));
		return "redirect:/app/customers/groups/" + group.id();
	}

	@PostMapping("/app/customers/{customerId}/groups")
	@Requires(Permission.CUSTOMERS_READ)
	String join(@PathVariable String customerId, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Customer customer = customer(customerId);
		String groupId = Forms.param(params, "group_id", 60);
		try {
			if (groupId.isEmpty()) {
				throw LoupeException.invalidData("Choose a group to add the customer to.");
			}
			CustomerGroup group = groups.find(groupId)
				.orElseThrow(() -> LoupeException.invalidData("That group no longer exists; choose another."));
			changeMembers(staff, request, group, List.of(customer.id()), List.of());
			Flash.put(request, response, Flash.success("Added to " + group.name() + "."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/customers/" + customer.id();
	}

	@PostMapping("/app/customers/{customerId}/groups/{groupId}/remove")
	@Requires(Permission.CUSTOMERS_READ)
	String leave(@PathVariable String customerId, @PathVariable String groupId, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Customer customer = customer(customerId);
		CustomerGroup group = group(groupId);
		changeMembers(staff, request, group, List.of(), List.of(customer.id()));
		Flash.put(request, response, Flash.success("Removed from " + group.name() + "."));
		return "redirect:/app/customers/" + customer.id();
	}

	private CustomerGroup group(String id) {
		return groups.find(Forms.checkedId(id, "Customer group"))
			.orElseThrow(() -> LoupeException.notFound("Customer group", id));
	}

	private Customer customer(String id) {
		return customers.find(Forms.checkedId(id, "Customer"))
			.orElseThrow(() -> LoupeException.notFound("Customer", id));
	}

	private static void checkPage(int page) {
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + ".");
		}
	}

	private String listPage(Staff staff, int page, Flash flash, Map<String, String> form, Model model) {
		checkPage(page);
		List<CustomerGroup> found = groups.list(null, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = found.size() > PAGE_SIZE;
		String base = "/app/customers/groups?page=";
		model.addAttribute("frame", new Frame(staff, "Customer groups", "groups", flash));
		model.addAttribute("groups", more ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("total", groups.count(null));
		model.addAttribute("form", form);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null, more ? base + (page + 1) : null,
				(page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, found.size())));
		return "app/customer-groups";
	}

	private String showPage(Staff staff, CustomerGroup group, int page, Flash flash, Map<String, String> form,
			Model model) {
		checkPage(page);
		List<Customer> found = groups.members(group.id(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = found.size() > PAGE_SIZE;
		String base = "/app/customers/groups/" + group.id() + "?page=";
		model.addAttribute("frame", new Frame(staff, group.name(), "groups", flash));
		model.addAttribute("group", group);
		model.addAttribute("members", more ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("form", form);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null, more ? base + (page + 1) : null,
				(page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, found.size())));
		return "app/customer-group";
	}

	/** Adds and removes members in one transaction with its audit entry. */
	private void changeMembers(Staff staff, HttpServletRequest request, CustomerGroup group, List<String> added,
			List<String> removed) {
		tx.executeWithoutResult(s -> {
			groups.changeMembers(group.id(), added, removed);
			Forms.record(audit, staff, request, "customer_group.members_changed", "customer_group", group.id(),
					Map.of("added", added, "removed", removed));
		});
	}
}
