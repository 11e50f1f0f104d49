package dev.loupe.storeapi.internal;

import dev.loupe.customer.Address;
import dev.loupe.customer.AddressFilter;
import dev.loupe.customer.AddressPage;
import dev.loupe.customer.Customer;
import dev.loupe.customer.CustomerDocuments;
import dev.loupe.customer.Customers;
import dev.loupe.identity.Principal;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medusa's customer routes: {@code POST /store/customers} creates the account of a registration token (a customer
 * token without an actor, from {@code /auth/customer/emailpass/register}); {@code /store/customers/me…} serve the
 * logged-in customer's profile and address book. Anything else is 401, including a logged-in customer's token on
 * {@code POST /store/customers} (Medusa answers 400 there: a token that is not a registration is no authority to
 * register, whatever it is). Answers hold personal data and are never stored by caches ({@code no-store}).
 */
@RestController
class CustomerRoutes {

	private final Customers customers;
	private final JsonBodies bodies;

	CustomerRoutes(Customers customers, JsonBodies bodies) {
		this.customers = customers;
		this.bodies = bodies;
	}

	@PostMapping("/store/customers")
	ResponseEntity<byte[]> register(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Principal registration = Principal.of(http)
			.filter(p -> p.actorType() == Principal.ActorType.CUSTOMER && !p.registered())
			.filter(p -> p.authIdentityId() != null && !p.authIdentityId().isBlank())
			.orElseThrow(CustomerRoutes::unauthorized);
		String fields = new StoreRequest(http).text("fields");
		Customer customer = customers.register(registration.authIdentityId(), registration.email(), bodies.read(raw, http));
		return customer(customer, fields);
	}

	@GetMapping("/store/customers/me")
	ResponseEntity<byte[]> me(HttpServletRequest http) {
		String id = customerId(http);
		String fields = new StoreRequest(http).text("fields");
		return customer(customers.find(id).orElseThrow(() -> LoupeException.notFound("Customer", id)), fields);
	}

	@PostMapping("/store/customers/me")
	ResponseEntity<byte[]> update(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		String id = customerId(http);
		String fields = new StoreRequest(http).text("fields");
		return customer(customers.update(id, bodies.read(raw, http)), fields);
	}

	@GetMapping("/store/customers/me/addresses")
	ResponseEntity<byte[]> addresses(HttpServletRequest http) {
		String id = customerId(http);
		StoreRequest request = new StoreRequest(http);
		int limit = request.limit(50);
		int offset = request.offset();
		String fields = request.text("fields");
		String q = request.text("q");
		if (q != null && q.length() > 200) {
			throw LoupeException.invalidData("Invalid request: 'q' must be at most 200 characters");
		}
		AddressFilter filter = new AddressFilter(q, request.list("city"), request.list("country_code"),
				request.list("postal_code"), request.text("order"));
		AddressPage page = customers.addresses(id, filter, limit, offset);
		List<Map<String, Object>> items = page.addresses().stream().map(a -> address(a, fields)).toList();
		return json(StoreJson.list("addresses", items, page.count(), offset, limit));
	}

	@PostMapping("/store/customers/me/addresses")
	ResponseEntity<byte[]> addAddress(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		String id = customerId(http);
		String fields = new StoreRequest(http).text("fields");
		customers.addAddress(id, bodies.read(raw, http));
		return customer(customers.find(id).orElseThrow(), fields);
	}

	@GetMapping("/store/customers/me/addresses/{addressId}")
	ResponseEntity<byte[]> address(@PathVariable String addressId, HttpServletRequest http) {
		String id = customerId(http);
		String fields = new StoreRequest(http).text("fields");
		return json(Map.of("address", address(customers.address(id, addressId), fields)));
	}

	@PostMapping("/store/customers/me/addresses/{addressId}")
	ResponseEntity<byte[]> updateAddress(@PathVariable String addressId, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		String id = customerId(http);
		String fields = new StoreRequest(http).text("fields");
		customers.updateAddress(id, addressId, bodies.read(raw, http));
		return customer(customers.find(id).orElseThrow(), fields);
	}

	@DeleteMapping("/store/customers/me/addresses/{addressId}")
	ResponseEntity<byte[]> deleteAddress(@PathVariable String addressId, HttpServletRequest http) {
		String id = customerId(http);
		String fields = new StoreRequest(http).text("fields");
		customers.deleteAddress(id, addressId);
		// Medusa's type: DeleteResponseWithParent<"address", StoreCustomer>, the id being the deleted address's.
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", addressId);
		body.put("object", "address");
		body.put("deleted", true);
		body.put("parent", SelectedFields.apply(CustomerDocuments.customer(customers.find(id).orElseThrow()), fields));
		return json(body);
	}

	/** The logged-in customer; a registration token, a staff token or none at all is 401. */
	private static String customerId(HttpServletRequest http) {
		return Principal.customerId(http).orElseThrow(CustomerRoutes::unauthorized);
	}

	private static LoupeException unauthorized() {
		return LoupeException.unauthorized("Unauthorized");
	}

	private static ResponseEntity<byte[]> customer(Customer customer, String fields) {
		return json(Map.of("customer", SelectedFields.apply(CustomerDocuments.customer(customer), fields)));
	}

	private static Map<String, Object> address(Address address, String fields) {
		return SelectedFields.apply(CustomerDocuments.address(address), fields);
	}

	private static ResponseEntity<byte[]> json(Object body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(StoreJson.bytes(body));
	}
}
