package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.customer.Customer;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.customer.Customers;
import dev.loupe.identity.Permission;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customers: a searchable list and one customer with their addresses and orders. Personal data, so every list
 * search and every customer opened is written to the audit log.
 */
@Controller
class CustomersController {

	static final int PAGE_SIZE = 25;
	static final int MAX_PAGE = 400;

	private final Customers customers;
	private final Orders orders;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	private final CustomerGroups groups;

	CustomersController(Customers customers, CustomerGroups groups, Orders orders, AuditLog audit,
			TransactionTemplate tx) {
		this.customers = customers;
		this.groups = groups;
		this.orders = orders;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/customers")
	@Requires(Permission.CUSTOMERS_READ)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String group,
			@RequestParam(defaultValue = "1") int page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		String query = q.strip();
		if (query.length() > 200 || query.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search is too long.");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; search to find older customers.");
		}
		CustomerGroup inGroup = group.isEmpty() ? null : groups.find(Forms.checkedId(group, "Customer group"))
			.orElseThrow(() -> LoupeException.invalidData("That customer group no longer exists."));
		List<Customer> found = inGroup == null
				? customers.list(query.isEmpty() ? null : query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
				: groups.members(inGroup.id(), query.isEmpty() ? null : query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = found.size() > PAGE_SIZE;
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), "customer.listed", "customer", null,
				Map.of("q", query, "group", group, "page", page, "from", request.getRemoteAddr())));
		String base = "/app/customers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
				+ (inGroup == null ? "" : "&group=" + inGroup.id()) + "&page=";
		model.addAttribute("frame", new Frame(staff, "Customers", "customers", Flash.take(request, response)));
		model.addAttribute("customers", more ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("q", query);
		model.addAttribute("group", inGroup == null ? "" : inGroup.id());
		model.addAttribute("groups", groups.list(null, 200, 0));
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, found.size())));
		return "app/customers";
	}

	@GetMapping("/app/customers/{id}")
	@Requires(Permission.CUSTOMERS_READ)
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Customer customer = customers.find(id).orElseThrow(() -> LoupeException.notFound("Customer",
				id.matches("[A-Za-z0-9_]{1,60}") ? id : "(malformed)"));
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), "customer.viewed", "customer",
				customer.id(), Map.of("from", request.getRemoteAddr())));
		List<Order> placed = staff.can(Permission.ORDERS_READ) ? orders.forCustomer(customer.id(), 20, 0) : List.of();
		String name = ((customer.firstName() == null ? "" : customer.firstName()) + " "
				+ (customer.lastName() == null ? "" : customer.lastName())).strip();
		model.addAttribute("frame", new Frame(staff, name.isEmpty() ? customer.email() : name, "customers",
				Flash.take(request, response)));
		model.addAttribute("customer", customer);
		model.addAttribute("orders", placed);
		model.addAttribute("orderCount", staff.can(Permission.ORDERS_READ) ? orders.countForCustomer(customer.id()) : 0L);
		model.addAttribute("canOrders", staff.can(Permission.ORDERS_READ));
		List<CustomerGroup> memberOf = groups.ofCustomer(customer.id());
		model.addAttribute("groups", memberOf);
		model.addAttribute("otherGroups", groups.list(null, 200, 0).stream()
			.filter(g -> memberOf.stream().noneMatch(m -> m.id().equals(g.id())))
			.toList());
		return "app/customer";
	}
}
