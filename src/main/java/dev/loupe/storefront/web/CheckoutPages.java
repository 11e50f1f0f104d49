package dev.loupe.storefront.web;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartAddress;
import dev.loupe.cart.CartChoices;
import dev.loupe.cart.Carts;
import dev.loupe.checkout.Checkout;
import dev.loupe.checkout.Completion;
import dev.loupe.customer.Address;
import dev.loupe.customer.AddressFilter;
import dev.loupe.customer.Customers;
import dev.loupe.fulfillment.ShippingOffer;
import dev.loupe.fulfillment.ShippingChoices;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.market.Country;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentProviders;
import dev.loupe.payment.PaymentSession;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The checkout: contact and shipping address, shipping method (priced live for the cart), payment, review and
 * placing the order, then the confirmation page. Guests and logged-in customers use the same pages.
 * <p>
 * Placing an order can never make two orders: the form carries the cart id, completion is idempotent per cart
 * (a completed cart answers its order again, concurrent completions wait for the first), and the page's script
 * disables the button after the first click. The confirmation page shows an order only to the browser that placed
 * it (a cookie naming it) or to the customer who owns it.
 * <p>
 * Payment providers render their part of the payment step as the partial {@code storefront/payment/<provider>}
 * when one exists (the Stripe Payment Element of the providers issue); the manual provider needs none.
 */
@Controller
class CheckoutPages {

	private final Carts carts;
	private final CartChoices choices;
	private final ShippingOptions shipping;
	private final PaymentCollections payments;
	private final PaymentProviders providers;
	private final Checkout checkout;
	private final Orders orders;
	private final Customers customers;
	private final Visits visits;
	private final CartViews views;

	CheckoutPages(Carts carts, CartChoices choices, ShippingOptions shipping, PaymentCollections payments,
			PaymentProviders providers, Checkout checkout, Orders orders, Customers customers, Visits visits,
			CartViews views) {
		this.carts = carts;
		this.choices = choices;
		this.shipping = shipping;
		this.payments = payments;
		this.providers = providers;
		this.checkout = checkout;
		this.orders = orders;
		this.customers = customers;
		this.visits = visits;
		this.views = views;
	}

	@GetMapping("/checkout")
	String checkout(@RequestParam(required = false) String edit, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit).filter(c -> !c.items().isEmpty());
		if (cart.isEmpty()) {
			return "redirect:/cart";
		}
		return render(http, response, model, visit, cart.get(), edit, null, null);
	}

	private String render(HttpServletRequest http, HttpServletResponse response, Model model, Visit visit, Cart cart,
			String edit, AddressForm typed, String error) {
		Optional<PaymentCollection> collection = payments.findByCart(cart.id());
		Optional<PaymentSession> session = collection.flatMap(c -> c.sessions().stream().findFirst());
		boolean ships = cart.requiresShipping();
		String step;
		if (typed != null || "address".equals(edit) || cart.email() == null || cart.shippingAddress() == null) {
			step = "address";
		}
		else if (ships && ("shipping".equals(edit) || cart.shippingMethods().isEmpty())) {
			step = "shipping";
		}
		else if ("payment".equals(edit) || session.isEmpty()) {
			step = "payment";
		}
		else {
			step = "review";
		}
		List<String> countryCodes = cart.region().countries().stream().map(Country::iso2).toList();
		AddressForm form = typed != null ? typed : formOf(visit, cart);
		List<CheckoutPage.Choice> countries = cart.region().countries().stream()
			.map(c -> new CheckoutPage.Choice(c.iso2(), c.displayName() != null ? c.displayName() : c.name(), null, null,
					c.iso2().equals(form.countryCode()), null))
			.toList();
		List<CheckoutPage.Choice> options = new ArrayList<>();
		List<String> shippingNotices = List.of();
		if (ships && cart.shippingAddress() != null) {
			String chosen = cart.shippingMethods().isEmpty() ? null : cart.shippingMethods().getFirst().optionId();
			ShippingChoices choices = shipping.choices(carts.shippingContext(visit.shopper(), cart.id()));
			shippingNotices = choices.temporaryNotices();
			for (ShippingOffer offer : choices.offers()) {
				if (offer.isPriced()) {
					options.add(new CheckoutPage.Choice(offer.optionId(), offer.name(),
							offer.type() == null ? null : offer.type().description(),
							offer.amount().isZero() ? "Free" : Formats.money(offer.amount()),
							offer.optionId().equals(chosen) || (chosen == null && options.isEmpty()), null));
				}
			}
		}
		String chosenProvider = session.map(PaymentSession::providerId).orElse(null);
		List<CheckoutPage.Choice> methods = new ArrayList<>();
		for (String id : enabledProviders(cart)) {
			methods.add(new CheckoutPage.Choice(id, providerName(id), providerNote(id), null,
					id.equals(chosenProvider) || (chosenProvider == null && methods.isEmpty()), null));
		}
		String addressSummary = cart.shippingAddress() == null ? null
				: cart.email() + " · " + String.join(", ", summary(cart.shippingAddress()));
		String shippingSummary = cart.shippingMethods().isEmpty() ? null
				: cart.shippingMethods().getFirst().name() + " · " + (cart.totals().shippingSubtotal().isZero() ? "Free"
						: Formats.money(cart.region().taxInclusive() ? cart.totals().shippingTotal()
								: cart.totals().shippingSubtotal()));
		String paymentSummary = chosenProvider == null ? null : providerName(chosenProvider);
		Frame frame = visits.frame(visit, http, "Checkout", "Secure checkout at Loupe.", true, Visits.count(cart));
		model.addAttribute("page", new CheckoutPage(frame, cart.id(), step, views.page(frame, visit, cart, null, null),
				form, countries, options, methods, addressSummary, shippingSummary, paymentSummary, error, ships,
				AddressForm.postalLabel(form.countryCode()), shippingNotices));
		PageCaching.personal(response);
		if (typed != null || error != null) {
			response.setStatus(typed != null ? 422 : 409);
		}
		return "storefront/checkout";
	}

	/** The address form filled from the cart, else from the customer's first saved address. */
	private AddressForm formOf(Visit visit, Cart cart) {
		CartAddress a = cart.shippingAddress();
		String email = cart.email() != null ? cart.email() : visit.loggedIn() ? visit.customer().email() : null;
		if (a != null) {
			return new AddressForm(email, a.firstName(), a.lastName(), a.address1(), a.address2(), a.city(), a.province(),
					a.postalCode(), a.countryCode(), a.phone(), Map.of());
		}
		String country = cart.region().countries().isEmpty() ? null : cart.region().countries().getFirst().iso2();
		if (visit.loggedIn()) {
			List<Address> saved = customers.addresses(visit.customer().actorId(), AddressFilter.NONE, 1, 0)
				.addresses();
			if (!saved.isEmpty() && saved.getFirst().countryCode() != null && cart.region().countries().stream()
				.anyMatch(c -> c.iso2().equals(saved.getFirst().countryCode()))) {
				Address s = saved.getFirst();
				return new AddressForm(email, s.firstName(), s.lastName(), s.address1(), s.address2(), s.city(),
						s.province(), s.postalCode(), s.countryCode(), s.phone(), Map.of());
			}
		}
		return AddressForm.empty(email, country);
	}

	@PostMapping("/checkout/address")
	String address(@RequestParam Map<String, String> fields, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit).filter(c -> !c.items().isEmpty());
		if (cart.isEmpty()) {
			return "redirect:/cart";
		}
		List<String> countries = cart.get().region().countries().stream().map(Country::iso2).toList();
		AddressForm form = AddressForm.read(fields, true, countries);
		if (!form.valid()) {
			return render(http, response, model, visit, cart.get(), null, form, null);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", form.email());
		body.put("shipping_address", form.address());
		body.put("billing_address", form.address());
		try {
			carts.update(visit.shopper(), cart.get().id(), Input.of(body));
		}
		catch (LoupeException refused) {
			form.errors().put("address_1", "We could not use this address: " + refused.getMessage());
			return render(http, response, model, visit, cart.get(), null, form, null);
		}
		return "redirect:/checkout";
	}

	@PostMapping("/checkout/shipping")
	String shipping(@RequestParam(name = "option_id", required = false) String optionId, HttpServletRequest http,
			HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit).filter(c -> !c.items().isEmpty());
		if (cart.isEmpty()) {
			return "redirect:/cart";
		}
		if (optionId == null || !Ids.isWellFormed(optionId)) {
			return render(http, response, model, visit, cart.get(), "shipping", null, "Choose a shipping method.");
		}
		try {
			choices.addShippingMethod(visit.shopper(), cart.get().id(), Input.of(Map.of("option_id", optionId)));
		}
		catch (LoupeException refused) {
			return render(http, response, model, visit, cart.get(), "shipping", null,
					"That shipping method is not available for your address. Please choose another.");
		}
		return "redirect:/checkout";
	}

	@PostMapping("/checkout/payment")
	String payment(@RequestParam(name = "provider_id", required = false) String providerId, HttpServletRequest http,
			HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit).filter(c -> !c.items().isEmpty());
		if (cart.isEmpty()) {
			return "redirect:/cart";
		}
		if (providerId == null || !enabledProviders(cart.get()).contains(providerId)) {
			return render(http, response, model, visit, cart.get(), "payment", null, "Choose a payment method.");
		}
		try {
			PaymentCollection collection = payments.forCart(cart.get().id(), cart.get().totals().total());
			Map<String, Object> context = new LinkedHashMap<>();
			context.put("cart_id", cart.get().id());
			if (cart.get().email() != null) {
				context.put("email", cart.get().email());
			}
			if (cart.get().customerId() != null) {
				context.put("customer_id", cart.get().customerId());
			}
			payments.initiateSession(collection.id(), providerId, Map.of(), context);
		}
		catch (LoupeException refused) {
			return render(http, response, model, visit, cart.get(), "payment", null,
					"This payment method is not available right now. Please try again or choose another.");
		}
		return "redirect:/checkout";
	}

	@PostMapping("/checkout/place")
	String place(@RequestParam(name = "cart_id", required = false) String cartId, HttpServletRequest http,
			HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		if (!Ids.hasPrefix(cartId, "cart")) {
			return "redirect:/cart";
		}
		Completion completion;
		try {
			completion = checkout.complete(visit.shopper(), cartId);
		}
		catch (LoupeException refused) {
			if (refused.type() == ErrorType.NOT_FOUND) {
				return "redirect:/cart";
			}
			Optional<Cart> cart = visits.cart(visit).filter(c -> c.id().equals(cartId));
			if (cart.isEmpty()) {
				return "redirect:/cart";
			}
			return render(http, response, model, visit, cart.get(), null, null,
					refused.type() == ErrorType.NOT_ALLOWED || refused.status() == 409
							? "Some items are no longer available in the quantity you chose. Please review your cart."
							: "Please complete every step before placing your order.");
		}
		return switch (completion) {
			case Completion.Placed placed -> {
				Cookies.set(http, response, Cookies.LAST_ORDER, placed.order().id(), Duration.ofDays(1));
				if (cartId.equals(visit.cartId())) {
					Cookies.clear(http, response, Cookies.CART);
				}
				yield "redirect:/order/confirmed/" + placed.order().id();
			}
			case Completion.PaymentFailed failed -> render(http, response, model, visit, failed.cart(), "payment", null,
					"Your payment was not authorised: " + failed.message() + ". Please try again or choose another method.");
		};
	}

	@GetMapping("/order/confirmed/{orderId}")
	String confirmed(@PathVariable String orderId, HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Order order = (Ids.hasPrefix(orderId, "order") ? orders.find(orderId) : Optional.<Order>empty())
			.filter(o -> orderId.equals(Cookies.read(http, Cookies.LAST_ORDER))
					|| (visit.loggedIn() && visit.customer().actorId().equals(o.customerId())))
			.orElseThrow(() -> LoupeException.notFound("Order", "order"));
		Frame frame = visits.frame(visit, http, "Order #" + order.displayId() + " confirmed",
				"Thank you for your order.", true);
		model.addAttribute("page", OrderViews.page(frame, order, true));
		PageCaching.personal(response);
		return "storefront/order";
	}

	private List<String> enabledProviders(Cart cart) {
		return cart.region().paymentProviders().stream().filter(providers::has).sorted().toList();
	}

	static String providerName(String id) {
		return switch (id) {
			case "pp_system_default" -> "Pay by bank transfer";
			case "pp_test_flaky" -> "Test payment";
			default -> id.startsWith("pp_stripe") ? "Card" : id;
		};
	}

	static String providerNote(String id) {
		return switch (id) {
			case "pp_system_default" -> "We email you our bank details; your order ships when the payment arrives.";
			default -> null;
		};
	}

	private static List<String> summary(CartAddress a) {
		List<String> parts = new ArrayList<>();
		parts.add(OrderViews.join(a.firstName(), a.lastName()));
		parts.add(a.address1());
		parts.add(OrderViews.join(a.postalCode(), a.city()));
		parts.add(a.countryCode() == null ? null : a.countryCode().toUpperCase(java.util.Locale.ROOT));
		return parts.stream().filter(p -> p != null && !p.isBlank()).toList();
	}
}
