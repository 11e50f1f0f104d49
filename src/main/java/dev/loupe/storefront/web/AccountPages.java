package dev.loupe.storefront.web;

import dev.loupe.cart.Shopper;
import dev.loupe.customer.Address;
import dev.loupe.customer.AddressFilter;
import dev.loupe.customer.Customer;
import dev.loupe.customer.Customers;
import dev.loupe.identity.GuestOrderLookups;
import dev.loupe.identity.Logins;
import dev.loupe.identity.PasswordResets;
import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.cart.Carts;
import dev.loupe.market.Country;
import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.Orders;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customer accounts: register, sign in and out (a cookie session of the identity module), password reset, profile,
 * address book, order history and order detail; and the guest order lookup by order number and email. Failures
 * never say whether an email has an account, except registration, which must refuse a taken email.
 */
@Controller
class AccountPages {

	static final Duration SESSION_LIFETIME = Duration.ofDays(30);
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Logins logins;
	private final Sessions sessions;
	private final PasswordResets resets;
	private final Customers customers;
	private final Orders orders;
	private final Carts carts;
	private final Visits visits;
	private final GuestOrderLookups lookups;

	AccountPages(Logins logins, Sessions sessions, PasswordResets resets, Customers customers, Orders orders,
			Carts carts, Visits visits, GuestOrderLookups lookups) {
		this.lookups = lookups;
		this.logins = logins;
		this.sessions = sessions;
		this.resets = resets;
		this.customers = customers;
		this.orders = orders;
		this.carts = carts;
		this.visits = visits;
	}

	// ---------------------------------------------------------------- sign in, register, sign out

	@GetMapping("/account/login")
	String loginForm(@RequestParam(required = false) String next, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		return form(http, response, model, "storefront/account/login", "Sign in", Map.of(), Map.of(), null, null,
				safeNext(next));
	}

	@PostMapping("/account/login")
	String login(@RequestParam Map<String, String> fields, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		String email = clean(fields.get("email"), 254);
		String next = safeNext(fields.get("next"));
		Principal principal;
		try {
			principal = logins.login(email, fields.get("password"), http.getRemoteAddr());
		}
		catch (LoupeException refused) {
			String message = refused.status() == 429 ? "Too many attempts. Please wait a few minutes and try again."
					: "The email or password is not correct.";
			response.setStatus(refused.status() == 429 ? 429 : 401);
			return form(http, response, model, "storefront/account/login", "Sign in", values("email", email), Map.of(),
					message, null, next);
		}
		if (principal.actorId() == null || principal.actorId().isBlank()) {
			response.setStatus(401);
			return form(http, response, model, "storefront/account/login", "Sign in", values("email", email), Map.of(),
					"This login has no customer account yet. Please register.", null, next);
		}
		signIn(http, response, principal);
		return "redirect:" + (next == null ? "/account" : next);
	}

	@GetMapping("/account/register")
	String registerForm(HttpServletRequest http, HttpServletResponse response, Model model) {
		return form(http, response, model, "storefront/account/register", "Create an account", Map.of(), Map.of(), null,
				null, null);
	}

	@PostMapping("/account/register")
	String register(@RequestParam Map<String, String> fields, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		String email = clean(fields.get("email"), 254);
		String first = clean(fields.get("first_name"), 100);
		String last = clean(fields.get("last_name"), 100);
		String password = fields.get("password");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("email", email);
		values.put("first_name", first);
		values.put("last_name", last);
		Map<String, String> errors = new LinkedHashMap<>();
		if (first == null) {
			errors.put("first_name", "Enter your first name.");
		}
		if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+")) {
			errors.put("email", "Enter an email address like name@example.com.");
		}
		if (password == null || password.length() < 8) {
			errors.put("password", "Choose a password of at least 8 characters.");
		}
		else if (password.length() > 1000 || password.indexOf('\0') >= 0) {
			errors.put("password", "Choose a shorter password.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return form(http, response, model, "storefront/account/register", "Create an account", values, errors,
					null, null, null);
		}
		try {
			Principal registration = logins.register(email, password, http.getRemoteAddr());
			Map<String, Object> profile = new LinkedHashMap<>();
			profile.put("email", registration.email());
			profile.put("first_name", first);
			if (last != null) {
				profile.put("last_name", last);
			}
			customers.register(registration.authIdentityId(), registration.email(), Input.of(profile));
			Principal customer = logins.principal(registration.authIdentityId()).orElseThrow();
			signIn(http, response, customer);
		}
		catch (LoupeException refused) {
			response.setStatus(refused.status() == 429 ? 429 : 422);
			String message = refused.type() == ErrorType.DUPLICATE_ERROR || refused.status() == 422
					? "An account with this email already exists. Sign in instead, or reset your password."
					: refused.status() == 429 ? "Too many attempts. Please wait a few minutes and try again."
					: refused.getMessage();
			return form(http, response, model, "storefront/account/register", "Create an account", values, Map.of(),
					message, null, null);
		}
		return "redirect:/account";
	}

	private void signIn(HttpServletRequest http, HttpServletResponse response, Principal principal) {
		Sessions.Opened session = sessions.open(principal, SESSION_LIFETIME);
		Cookies.set(http, response, Cookies.SESSION, session.secret(), SESSION_LIFETIME);
		Visit visit = visits.of(http);
		if (visit.cartId() != null) {
			try {
				carts.transfer(new Shopper(visit.salesChannelIds(), principal.actorId(), principal.email()), visit.cartId());
			}
			catch (LoupeException notTransferable) {
				// Another customer's or a completed cart: the customer starts a new one.
				Cookies.clear(http, response, Cookies.CART);
			}
		}
	}

	@PostMapping("/account/logout")
	String logout(HttpServletRequest http, HttpServletResponse response) {
		String secret = Cookies.read(http, Cookies.SESSION);
		if (secret != null) {
			sessions.revoke(secret);
		}
		Cookies.clear(http, response, Cookies.SESSION);
		Cookies.clear(http, response, Cookies.CART);
		return "redirect:/";
	}

	// ---------------------------------------------------------------- password reset

	@GetMapping("/account/reset")
	String resetForm(HttpServletRequest http, HttpServletResponse response, Model model) {
		return form(http, response, model, "storefront/account/reset", "Reset your password", Map.of(), Map.of(), null,
				null, null);
	}

	@PostMapping("/account/reset")
	String reset(@RequestParam(required = false) String email, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		String clean = clean(email, 254);
		if (clean != null) {
			resets.request(clean);
		}
		return form(http, response, model, "storefront/account/reset", "Reset your password", Map.of(), Map.of(), null,
				"If an account exists for that email, we have sent a link to choose a new password. It is valid for 15 minutes.",
				null);
	}

	@GetMapping("/account/reset-password")
	String newPasswordForm(@RequestParam(required = false) String token, HttpServletRequest http,
			HttpServletResponse response, Model model) {
		return form(http, response, model, "storefront/account/new-password", "Choose a new password",
				values("token", token != null && token.matches("[0-9a-f]{64}") ? token : null), Map.of(), null, null, null);
	}

	@PostMapping("/account/reset-password")
	String newPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			HttpServletRequest http, HttpServletResponse response, Model model) {
		String shownToken = token != null && token.matches("[0-9a-f]{64}") ? token : null;
		if (password == null || password.length() < 8 || password.length() > 1000) {
			response.setStatus(422);
			return form(http, response, model, "storefront/account/new-password", "Choose a new password",
					values("token", shownToken), Map.of("password", "Choose a password of at least 8 characters."), null,
					null, null);
		}
		try {
			resets.reset(shownToken, password);
		}
		catch (LoupeException refused) {
			response.setStatus(refused.status() == 401 ? 400 : refused.status());
			return form(http, response, model, "storefront/account/new-password", "Choose a new password",
					values("token", shownToken), Map.of(), refused.status() == 401
							? "This reset link is invalid or has expired. Please ask for a new one." : refused.getMessage(),
					null, null);
		}
		return form(http, response, model, "storefront/account/login", "Sign in", Map.of(), Map.of(), null,
				"Your password was changed. Please sign in.", null);
	}

	// ---------------------------------------------------------------- the account

	@GetMapping("/account")
	String account(HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		if (!visit.loggedIn()) {
			return "redirect:/account/login";
		}
		return accountPage(http, response, model, visit, null, null, null);
	}

	private String accountPage(HttpServletRequest http, HttpServletResponse response, Model model, Visit visit,
			AddressForm typed, String message, String error) {
		String customerId = visit.customer().actorId();
		Customer customer = customers.find(customerId).orElseThrow(() -> LoupeException.notFound("Customer", "account"));
		List<AccountPage.OrderRow> history = orders.forCustomer(customerId, visit.salesChannelIds(), 50, 0).stream()
			.map(o -> new AccountPage.OrderRow("/account/orders/" + o.id(), o.displayId(), DATE.format(o.createdAt()),
					OrderViews.words(o.status().name()), OrderViews.words(o.fulfillmentStatus()),
					Formats.money(o.totals().total())))
			.toList();
		List<AccountPage.SavedAddress> saved = customers.addresses(customerId, AddressFilter.NONE, 50, 0).addresses()
			.stream().map(a -> new AccountPage.SavedAddress(a.id(), lines(a))).toList();
		List<String> countryCodes = countries(visit);
		AddressForm form = typed != null ? typed
				: AddressForm.empty(null, visit.region().countries().isEmpty() ? null
						: visit.region().countries().getFirst().iso2());
		List<CheckoutPage.Choice> countries = visit.regions().stream().flatMap(r -> r.countries().stream())
			.filter(c -> countryCodes.contains(c.iso2()))
			.map(c -> new CheckoutPage.Choice(c.iso2(), c.displayName() != null ? c.displayName() : c.name(), null, null,
					c.iso2().equals(form.countryCode()), null))
			.toList();
		Frame frame = visits.frame(visit, http, "My account", "Your Loupe account.", true);
		model.addAttribute("page", new AccountPage(frame, customer.email(), customer.firstName(), customer.lastName(),
				customer.phone(), history, saved, form, countries, message, error));
		PageCaching.personal(response);
		if (typed != null || error != null) {
			response.setStatus(422);
		}
		return "storefront/account/account";
	}

	@PostMapping("/account/profile")
	String profile(@RequestParam Map<String, String> fields, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		Visit visit = visits.of(http);
		if (!visit.loggedIn()) {
			return "redirect:/account/login";
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("first_name", clean(fields.get("first_name"), 100));
		body.put("last_name", clean(fields.get("last_name"), 100));
		String phone = clean(fields.get("phone"), 40);
		if (phone != null && !phone.matches("[+()0-9 .-]{5,40}")) {
			return accountPage(http, response, model, visit, null, null, "Enter a phone number with digits, spaces and + only.");
		}
		body.put("phone", phone);
		try {
			customers.update(visit.customer().actorId(), Input.of(body));
		}
		catch (LoupeException refused) {
			return accountPage(http, response, model, visit, null, null, "Your profile could not be saved: "
					+ refused.getMessage());
		}
		return "redirect:/account?saved=profile";
	}

	@PostMapping("/account/addresses")
	String addAddress(@RequestParam Map<String, String> fields, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		Visit visit = visits.of(http);
		if (!visit.loggedIn()) {
			return "redirect:/account/login";
		}
		AddressForm form = AddressForm.read(fields, false, countries(visit));
		if (!form.valid()) {
			return accountPage(http, response, model, visit, form, null, null);
		}
		try {
			customers.addAddress(visit.customer().actorId(), Input.of(form.address()));
		}
		catch (LoupeException refused) {
			return accountPage(http, response, model, visit, form, null, "The address could not be saved: "
					+ refused.getMessage());
		}
		return "redirect:/account#addresses";
	}

	@PostMapping("/account/addresses/{addressId}/delete")
	String deleteAddress(@PathVariable String addressId, HttpServletRequest http) {
		Visit visit = visits.of(http);
		if (!visit.loggedIn()) {
			return "redirect:/account/login";
		}
		try {
			customers.deleteAddress(visit.customer().actorId(), addressId);
		}
		catch (LoupeException gone) {
			// Deleted already, or not this customer's: nothing to do.
		}
		return "redirect:/account#addresses";
	}

	@GetMapping("/account/orders/{orderId}")
	String order(@PathVariable String orderId, HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		if (!visit.loggedIn()) {
			return "redirect:/account/login?next=/account/orders/" + (Ids.isWellFormed(orderId) ? orderId : "");
		}
		Order order = (Ids.hasPrefix(orderId, "order") ? orders.find(orderId) : Optional.<Order>empty())
			.filter(o -> visit.customer().actorId().equals(o.customerId()))
			.orElseThrow(() -> LoupeException.notFound("Order", "order"));
		Frame frame = visits.frame(visit, http, "Order #" + order.displayId(), "Your order at Loupe.", true);
		model.addAttribute("page", OrderViews.page(frame, order, false));
		PageCaching.personal(response);
		return "storefront/order";
	}

	// ---------------------------------------------------------------- guest order lookup

	@GetMapping("/order/lookup")
	String lookupForm(@RequestParam(required = false) String number, @RequestParam(required = false) String email,
			HttpServletRequest http, HttpServletResponse response, Model model) {
		// Links in order emails pre-fill the form; the shopper still submits it (a GET never shows an order).
		Map<String, String> values = new LinkedHashMap<>();
		values.put("number", clean(number, 30));
		values.put("email", clean(email, 254));
		return form(http, response, model, "storefront/lookup", "Find your order", values, Map.of(), null, null, null);
	}

	@PostMapping("/order/lookup")
	String lookup(@RequestParam Map<String, String> fields, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		String number = clean(fields.get("number"), 30);
		String email = clean(fields.get("email"), 254);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("number", number);
		values.put("email", email);
		String digits = number == null ? "" : number.replaceFirst("^#", "").strip();
		boolean wellFormed = digits.matches("\\d{1,15}");
		String orderKey = wellFormed ? Long.toString(Long.parseLong(digits)) : "?";
		try {
			lookups.check(http.getRemoteAddr(), orderKey);
		}
		catch (TooManyRequestsException e) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
			return form(http, response, model, "storefront/lookup", "Find your order", values, Map.of(), e.getMessage(),
					null, null);
		}
		Optional<Order> order = wellFormed && email != null
				? orders.findByDisplayId(Long.parseLong(digits), email) : Optional.empty();
		if (order.isEmpty()) {
			lookups.failed(http.getRemoteAddr(), orderKey);
			response.setStatus(404);
			return form(http, response, model, "storefront/lookup", "Find your order", values, Map.of(),
					"We could not find an order with that number and email. Check both and try again.", null, null);
		}
		lookups.succeeded(orderKey);
		Visit visit = visits.of(http);
		Frame frame = visits.frame(visit, http, "Order #" + order.get().displayId(), "Your order at Loupe.", true);
		model.addAttribute("page", OrderViews.page(frame, order.get(), false));
		PageCaching.personal(response);
		return "storefront/order";
	}

	// ---------------------------------------------------------------- helpers

	private String form(HttpServletRequest http, HttpServletResponse response, Model model, String view, String title,
			Map<String, String> values, Map<String, String> errors, String error, String message, String next) {
		Visit visit = visits.of(http);
		Frame frame = visits.frame(visit, http, title, title + " at Loupe.", true);
		model.addAttribute("page", new FormPage(frame, values, errors, error, message, next));
		PageCaching.personal(response);
		return view;
	}

	private static List<String> countries(Visit visit) {
		return visit.regions().stream().flatMap(r -> r.countries().stream()).map(Country::iso2).distinct().toList();
	}

	private static List<String> lines(Address a) {
		return OrderViews.address(new OrderAddress(a.firstName(), a.lastName(), a.phone(), a.company(), a.address1(),
				a.address2(), a.city(), a.countryCode(), a.province(), a.postalCode(), Map.of(), a.id()));
	}

	private static Map<String, String> values(String name, String value) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put(name, value);
		return m;
	}

	/** A relative path on this site to go to after signing in; anything else is ignored. */
	static String safeNext(String next) {
		return next != null && next.matches("/[A-Za-z0-9/_-]{0,200}") && !next.startsWith("//") ? next : null;
	}

	static String clean(String value, int max) {
		String s = Formats.clean(value, max);
		return s == null || s.isEmpty() ? null : s;
	}
}
