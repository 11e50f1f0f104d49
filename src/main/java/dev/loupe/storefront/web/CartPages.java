package dev.loupe.storefront.web;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartChoices;
import dev.loupe.cart.Carts;
import dev.loupe.cart.LineItem;
import dev.loupe.market.Region;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
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
 * The cart page, adding to the cart and the region selector. Every action is a form POST answered with a redirect
 * (post/redirect/get), or the page again with the reason when the cart refuses it; with htmx the same forms update
 * the page in place. The cart id lives in an HttpOnly, SameSite=Lax cookie.
 */
@Controller
class CartPages {

	static final Duration CART_LIFETIME = Duration.ofDays(30);

	private final Carts carts;
	private final CartChoices choices;
	private final Visits visits;
	private final CartViews views;

	CartPages(Carts carts, CartChoices choices, Visits visits, CartViews views) {
		this.carts = carts;
		this.choices = choices;
		this.visits = visits;
		this.views = views;
	}

	@GetMapping("/cart")
	String cart(HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		return render(http, response, model, visit, null, null);
	}

	private String render(HttpServletRequest http, HttpServletResponse response, Model model, Visit visit, String error,
			String codeError) {
		Cart cart = visits.cart(visit).orElse(null);
		Frame frame = visits.frame(visit, http, "Your cart", "Your shopping cart at Loupe.", true,
				cart == null ? 0 : Visits.count(cart));
		model.addAttribute("page", views.page(frame, visit, cart == null || cart.items().isEmpty() ? null : cart, error,
				codeError));
		PageCaching.personal(response);
		if (error != null || codeError != null) {
			response.setStatus(400);
		}
		return "storefront/cart";
	}

	@PostMapping("/cart/add")
	String add(@RequestParam(name = "variant_id", required = false) String variantId,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String handle,
			HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		boolean htmx = http.getHeader("HX-Request") != null;
		String back = handle != null && handle.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,199}") ? "/products/" + handle : "/cart";
		int qty = CatalogPages.number(quantity, -1);
		String error = null;
		Cart cart = null;
		if (variantId == null || variantId.isBlank() || variantId.length() > 100) {
			error = "Choose an item to add.";
		}
		else if (qty < 1 || qty > Carts.MAX_QUANTITY) {
			error = "Enter a quantity of at least 1.";
		}
		else {
			try {
				cart = addToCart(visit, http, response, variantId, qty);
			}
			catch (LoupeException refused) {
				error = refused.type() == ErrorType.NOT_ALLOWED ? "Sorry, we do not have that many in stock."
						: "That item can no longer be bought.";
			}
		}
		if (!htmx) {
			if (error != null) {
				String notice = error.startsWith("Sorry") ? "stock" : "unavailable";
				return "redirect:" + back + "?variant=" + java.net.URLEncoder.encode(variantId == null ? "" : variantId,
						java.nio.charset.StandardCharsets.UTF_8) + "&notice=" + notice;
			}
			return "redirect:/cart";
		}
		PageCaching.personal(response);
		if (error != null) {
			int count = visits.cart(visit).map(Visits::count).orElse(0);
			model.addAttribute("added", new AddedToCart(null, null, null, 0, count, null, error));
			return "storefront/added";
		}
		LineItem line = cart.items().stream().filter(i -> i.variantId().equals(variantId)).findFirst().orElseThrow();
		model.addAttribute("added", new AddedToCart(line.productTitle(), line.variantTitle(), line.thumbnail(), qty,
				Visits.count(cart), Formats.money(CartViews.itemsAmount(cart)), null));
		return "storefront/added";
	}

	private Cart addToCart(Visit visit, HttpServletRequest http, HttpServletResponse response, String variantId,
			int quantity) {
		Map<String, Object> line = Map.of("variant_id", variantId, "quantity", quantity);
		Optional<Cart> open = visits.cart(visit);
		if (open.isPresent()) {
			return carts.addLine(visit.shopper(), open.get().id(), Input.of(line));
		}
		Map<String, Object> body = new HashMap<>();
		body.put("region_id", visit.region().id());
		body.put("items", List.of(line));
		Cart created = carts.create(visit.shopper(), Input.of(body));
		Cookies.set(http, response, Cookies.CART, created.id(), CART_LIFETIME);
		return created;
	}

	@PostMapping("/cart/lines/{lineId}")
	String updateLine(@PathVariable String lineId, @RequestParam(required = false) String quantity,
			HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit);
		if (cart.isEmpty()) {
			return "redirect:/cart";
		}
		int qty = CatalogPages.number(quantity, -1);
		if (qty < 0 || qty > Carts.MAX_QUANTITY) {
			return render(http, response, model, visit, "Enter a quantity between 0 and " + Carts.MAX_QUANTITY + ".", null);
		}
		try {
			carts.updateLine(visit.shopper(), cart.get().id(), lineId, Input.of(Map.of("quantity", qty)));
		}
		catch (LoupeException refused) {
			return render(http, response, model, visit, refused.type() == ErrorType.NOT_ALLOWED
					? "Sorry, we do not have " + qty + " of that item in stock." : "That line is no longer in your cart.", null);
		}
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}/remove")
	String removeLine(@PathVariable String lineId, HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit);
		if (cart.isPresent()) {
			try {
				carts.removeLine(visit.shopper(), cart.get().id(), lineId);
			}
			catch (LoupeException gone) {
				// Removed already (a second click): the cart shows what is left.
			}
		}
		return "redirect:/cart";
	}

	@PostMapping("/cart/discount")
	String addCode(@RequestParam(required = false) String code, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit);
		if (cart.isEmpty()) {
			return "redirect:/cart";
		}
		String clean = code == null ? "" : code.strip();
		if (!clean.matches("[A-Za-z0-9_-]{1,64}")) {
			return render(http, response, model, visit, null, "Enter a discount code (letters, digits, - and _).");
		}
		try {
			choices.addPromotions(visit.shopper(), cart.get().id(), Input.of(Map.of("promo_codes", List.of(clean))));
		}
		catch (LoupeException refused) {
			return render(http, response, model, visit, null,
					"The code " + clean.toUpperCase(java.util.Locale.ROOT) + " cannot be used for this cart.");
		}
		return "redirect:/cart";
	}

	@PostMapping("/cart/discount/remove")
	String removeCode(@RequestParam(required = false) String code, HttpServletRequest http) {
		Visit visit = visits.of(http);
		Optional<Cart> cart = visits.cart(visit);
		if (cart.isPresent() && code != null && code.matches("[A-Za-z0-9_-]{1,64}")) {
			choices.removePromotions(visit.shopper(), cart.get().id(), Input.of(Map.of("promo_codes", List.of(code))));
		}
		return "redirect:/cart";
	}

	/** Chooses the region (and so the currency); an open cart moves with it, or is left behind when it cannot. */
	@PostMapping("/region")
	String region(@RequestParam(name = "region_id", required = false) String regionId,
			@RequestParam(name = "return", required = false) String back, HttpServletRequest http,
			HttpServletResponse response) {
		Visit visit = visits.of(http);
		Optional<Region> region = visit.regions().stream().filter(r -> r.id().equals(regionId)).findFirst();
		if (region.isPresent()) {
			Cookies.set(http, response, Cookies.REGION, region.get().id(), Duration.ofDays(365));
			visits.cart(visit).filter(c -> !c.region().id().equals(region.get().id())).ifPresent(c -> {
				try {
					carts.update(visit.shopper(), c.id(), Input.of(Map.of("region_id", region.get().id())));
				}
				catch (LoupeException cannotMove) {
					Cookies.clear(http, response, Cookies.CART);
				}
			});
		}
		return "redirect:" + (back != null && back.matches("/[A-Za-z0-9/_-]{0,300}") && !back.startsWith("//") ? back : "/");
	}
}
