package dev.loupe.storefront.web;

import dev.loupe.cart.Cart;
import dev.loupe.cart.Carts;
import dev.loupe.catalog.Category;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.identity.Principal;
import dev.loupe.identity.Sessions;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a storefront request's visit (region, customer, cart) from its cookies and builds the frame of its page.
 * The sales channel, regions and category tree change rarely and are kept for a few seconds, so a catalogue page
 * costs no query for them.
 */
@Component
class Visits {

	private static final Duration FRESH = Duration.ofSeconds(10);

	private final Markets markets;
	private final Sessions sessions;
	private final Carts carts;
	private final ProductQueries products;
	private final Assets assets;
	private final LoupeProperties properties;
	private final Clock clock;
	private volatile Snapshot snapshot;

	Visits(Markets markets, Sessions sessions, Carts carts, ProductQueries products, Assets assets,
			LoupeProperties properties, Clock clock) {
		this.markets = markets;
		this.sessions = sessions;
		this.carts = carts;
		this.products = products;
		this.assets = assets;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the storefront sells and where, read again every few seconds. */
	record Snapshot(List<String> channels, List<Region> regions, List<Category> tree, List<Category> categories,
			Instant readAt) {
	}

	Snapshot snapshot() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s == null || s.readAt().plus(FRESH).isBefore(now)) {
			s = new Snapshot(markets.firstSalesChannelId().map(List::of).orElse(List.of()), markets.regions(),
					products.categoryTree(), products.categories(), now);
			snapshot = s;
		}
		return s;
	}

	Visit of(HttpServletRequest request) {
		Snapshot s = snapshot();
		if (s.regions().isEmpty()) {
			throw LoupeException.notAllowed("The store has no region to sell in yet");
		}
		String regionId = Cookies.read(request, Cookies.REGION);
		Region region = s.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElse(s.regions().getFirst());
		Principal customer = Optional.ofNullable(Cookies.read(request, Cookies.SESSION))
			.flatMap(sessions::resolve)
			.filter(p -> p.actorType() == Principal.ActorType.CUSTOMER && p.registered())
			.orElse(null);
		String cartId = Cookies.read(request, Cookies.CART);
		return new Visit(region, s.regions(), s.channels(), customer, Ids.hasPrefix(cartId, "cart") ? cartId : null);
	}

	/** The visit's open cart, or empty when it has none (or it was completed, or is not the shopper's). */
	Optional<Cart> cart(Visit visit) {
		if (visit.cartId() == null) {
			return Optional.empty();
		}
		try {
			Cart cart = carts.find(visit.shopper(), visit.cartId());
			return cart.isCompleted() ? Optional.empty() : Optional.of(cart);
		}
		catch (LoupeException gone) {
			return Optional.empty();
		}
	}

	/** The frame of a page with this title and description; canonical URL from the request path. */
	Frame frame(Visit visit, HttpServletRequest request, String title, String description, boolean noindex) {
		return frame(visit, request, title, description, noindex, cart(visit).map(Visits::count).orElse(0));
	}

	Frame frame(Visit visit, HttpServletRequest request, String title, String description, boolean noindex,
			int cartCount) {
		String path = request.getRequestURI();
		String store = "Loupe";
		return new Frame(title == null ? store : title + " · " + store, description, base(request) + path, null, null,
				noindex, path, null, visit.region(), visit.regions(), snapshot().tree(), cartCount, visit.loggedIn(),
				assets.url("shop.css"), assets.url("shop.js"), assets.url("htmx.min.js"), store);
	}

	String base(HttpServletRequest request) {
		return PublicUrl.base(request, properties.publicUrl());
	}

	static int count(Cart cart) {
		return cart.items().stream().mapToInt(i -> i.quantity()).sum();
	}
}
