package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.platform.Input;
import dev.loupe.platform.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customer groups: Medusa's {@code /admin/customer-groups} routes. Every change is audited. */
@RestController
class AdminCustomerGroupRoutes {

	private final CustomerGroups groups;
	private final AuditLog audit;
	private final AdminRequest requests;

	AdminCustomerGroupRoutes(CustomerGroups groups, AuditLog audit, AdminRequest requests) {
		this.groups = groups;
		this.audit = audit;
		this.requests = requests;
	}

	@GetMapping("/admin/customer-groups")
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(20);
		int offset = query.offset();
		String q = query.text("q");
		return AdminJson.list("customer_groups", groups.list(q, limit, offset).stream()
			.map(CustomerGroups::document)
			.toList(), groups.count(q), offset, limit);
	}

	@GetMapping("/admin/customer-groups/{id}")
	Map<String, Object> get(@PathVariable String id) {
		return Map.of("customer_group", CustomerGroups.document(groups.get(id)));
	}

	@PostMapping("/admin/customer-groups")
	@Transactional
	Map<String, Object> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		CustomerGroup group = groups.create(requests.body(raw, http));
		audit.record(AdminRequest.actor(http), "customer_group.created", "customer_group", group.id(),
				Map.of("name", group.name()));
		return Map.of("customer_group", CustomerGroups.document(group));
	}

	@PostMapping("/admin/customer-groups/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http);
		CustomerGroup group = groups.update(id, body);
		audit.record(AdminRequest.actor(http), "customer_group.updated", "customer_group", id,
				Map.of("fields", body.names().stream().sorted().toList(), "name", group.name()));
		return Map.of("customer_group", CustomerGroups.document(group));
	}

	@DeleteMapping("/admin/customer-groups/{id}")
	@Transactional
	Map<String, Object> delete(@PathVariable String id, HttpServletRequest http) {
		groups.delete(id);
		audit.record(AdminRequest.actor(http), "customer_group.deleted", "customer_group", id, null);
		return AdminJson.deleted(id, "customer_group", null);
	}

	@PostMapping("/admin/customer-groups/{id}/customers")
	@Transactional
	Map<String, Object> members(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(Set.of("add", "remove"));
		List<String> add = body.texts("add", 500, 100);
		List<String> remove = body.texts("remove", 500, 100);
		CustomerGroup group = groups.changeMembers(id, add, remove);
		audit.record(AdminRequest.actor(http), "customer_group.members_changed", "customer_group", id,
				Map.of("added", add == null ? List.of() : add, "removed", remove == null ? List.of() : remove));
		return Map.of("customer_group", CustomerGroups.document(group));
	}
}
