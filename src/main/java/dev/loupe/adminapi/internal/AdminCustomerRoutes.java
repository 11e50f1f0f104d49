package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.customer.Customer;
import dev.loupe.customer.CustomerDocuments;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.customer.Customers;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers as staff read them ({@code /admin/customers}). Customers' names, emails and addresses are personal
 * data: every read is recorded in the audit log with who read what, like a change.
 */
@RestController
class AdminCustomerRoutes {

	private final Customers customers;
	private final AuditLog audit;

	private final CustomerGroups groups;

	AdminCustomerRoutes(Customers customers, CustomerGroups groups, AuditLog audit) {
		this.customers = customers;
		this.groups = groups;
		this.audit = audit;
	}

	@GetMapping("/admin/customers")
	@Transactional
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(20);
		int offset = query.offset();
		String q = query.text("q");
		List<Customer> page = customers.list(q, limit, offset);
		audit.record(AdminRequest.actor(http), "customer.list_viewed", "customer", null,
				Map.of("customer_ids", page.stream().map(Customer::id).toList(), "q", q == null ? "" : q));
		return AdminJson.list("customers", page.stream().map(CustomerDocuments::customer).toList(), customers.count(q),
				offset, limit);
	}

	@GetMapping("/admin/customers/{id}")
	@Transactional
	Map<String, Object> get(@PathVariable String id, HttpServletRequest http) {
		Customer customer = customers.find(id).orElseThrow(() -> LoupeException.notFound("Customer", id));
		audit.record(AdminRequest.actor(http), "customer.viewed", "customer", id,
				Map.of("addresses", customer.addresses().size()));
		Map<String, Object> json = CustomerDocuments.customer(customer);
		json.put("groups", groups.ofCustomer(id).stream().map(CustomerGroups::document).toList());
		return Map.of("customer", json);
	}
}
