package dev.loupe.cart;

import dev.loupe.cart.internal.CartRow;
import dev.loupe.cart.internal.CartPricing;
import dev.loupe.cart.internal.CartRows;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.SellableVariant;
import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.inventory.StockLevels;
import dev.loupe.market.Country;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.CalculatedPrice;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carts for the Store API (and the storefront later): bodies arrive as {@link Input} in the Store API's field names
 * and are checked here. Rules:
 * <ul>
 * <li>A cart belongs to the sales channel of the key it was created with, and to the customer who created it or took
 * it over; anyone else (another customer, a guest, another channel) is told it does not exist ({@code not_found}),
 * so that a cart id reveals nothing. A guest cart is reachable by its id, which cannot be guessed (ADR 003).</li>
 * <li>Every change locks the cart row, so two requests cannot both add the last unit in stock to one cart, and
 * re-prices every line from the price calculator in the cart's region.</li>
 * <li>A variant that shoppers of the cart's channel cannot see (unknown, unpublished, another channel's) or that has
 * no price in the cart's currency is {@code invalid_data} naming it, as Medusa answers 400 for variants it cannot
 * add; a quantity beyond the stock of a variant whose stock is managed without backorders is {@code not_allowed}.</li>
 * <li>Taxes are computed only once the cart has a shipping address (as Medusa does): before, tax lines are empty.</li>
 * <li>A completed cart never changes ({@code not_allowed}).</li>
 * </ul>
 */
@Service
@Transactional
public class Carts {

	/** The most of one variant a cart holds. */
	public static final int MAX_QUANTITY = 10_000;

	/** The most lines a cart holds. */
	public static final int MAX_LINES = 100;

	private static final Set<String> CREATE_FIELDS = Set.of("region_id", "sales_channel_id", "email", "items",
			"shipping_address", "billing_address", "metadata");
	private static final Set<String> UPDATE_FIELDS = Set.of("region_id", "email", "shipping_address", "billing_address",
			"metadata");
	private static final Set<String> ADDRESS_FIELDS = Set.of("first_name", "last_name", "phone", "company", "address_1",
			"address_2", "city", "country_code", "province", "postal_code", "metadata");
	private static final int MAX_TEXT = 200;
	private static final int MAX_METADATA = 10_000;
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private final CartRows rows;
	private final Markets markets;
	private final ProductQueries products;
	private final CartPricing pricing;
	private final StockLevels stock;
	private final Clock clock;

	Carts(CartRows rows, Markets markets, ProductQueries products, CartPricing pricing, StockLevels stock,
			Clock clock) {
		this.rows = rows;
		this.markets = markets;
		this.products = products;
		this.pricing = pricing;
		this.stock = stock;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- carts

	/**
	 * Creates a cart in a region ({@code region_id}, required; the currency is the region's) for the key's sales
	 * channel ({@code sales_channel_id} may choose one of the key's channels; a key with several needs it), owned by
	 * the logged-in customer if there is one, with optional email, addresses, metadata and items.
	 */
	public Cart create(Shopper shopper, Input body) {
		body.allow(CREATE_FIELDS);
		Region region = region(body);
		String channel = body.text("sales_channel_id", 100);
		if (channel != null && !shopper.salesChannelIds().contains(channel)) {
			throw body.invalid("sales_channel_id", "must be a sales channel of the publishable key");
		}
		if (channel == null) {
			if (shopper.salesChannelIds().isEmpty()) {
				throw LoupeException.notAllowed("The publishable key has no sales channel to sell through");
			}
			if (shopper.salesChannelIds().size() > 1) {
				throw body.invalid("sales_channel_id", "is required: the publishable key has several sales channels");
			}
			channel = shopper.salesChannelIds().getFirst();
		}
		String email = body.has("email") ? email(body) : null;
		if (email == null && shopper.isLoggedIn() && shopper.email() != null) {
			email = shopper.email().toLowerCase(Locale.ROOT);
		}
		Map<String, Object> metadata = metadata(body);
		String id = Ids.next("cart");
		rows.insert(id, region.id(), region.currencyCode().toLowerCase(Locale.ROOT), channel, shopper.customerId(), email,
				metadata);
		if (body.has("shipping_address")) {
			rows.setShippingAddress(id, address(body, "shipping_address", region, null));
		}
		if (body.has("billing_address")) {
			rows.setBillingAddress(id, address(body, "billing_address", region, null));
		}
		List<Input> items = body.objects("items", MAX_LINES);
		if (items != null) {
			for (Input item : items) {
				addLine(rows.find(id).orElseThrow(), region, item);
			}
		}
		return refresh(rows.find(id).orElseThrow());
	}

	/** A cart the shopper may see; {@code not_found} otherwise. */
	@Transactional(readOnly = true)
	public Cart find(Shopper shopper, String cartId) {
		CartRow row = visible(shopper, cartId, rows.find(checkedId(cartId)));
		return pricing.read(row, region(row));
	}

	/**
	 * Where and what the shopper's cart ships, for pricing shipping options: the item amounts as priced (VAT
	 * included where prices include it, sales tax not yet added) and each line's weight. The cart's own shipping
	 * method is priced from the same context, so a listed price is the price the cart gets.
	 */
	@Transactional(readOnly = true)
	public ShippingContext shippingContext(Shopper shopper, String cartId) {
		CartRow row = visible(shopper, cartId, rows.find(checkedId(cartId)));
		return pricing.shippingContext(row, region(row));
	}

	/**
	 * Updates the fields present: {@code email}, {@code metadata}, {@code region_id} (the currency follows and every
	 * line is re-priced; a shipping address outside the new region is removed), {@code shipping_address} and
	 * {@code billing_address} (their country must be one of the region's; {@code null} removes them).
	 */
	public Cart update(Shopper shopper, String cartId, Input body) {
		body.allow(UPDATE_FIELDS);
		CartRow row = open(shopper, cartId);
		Region region = region(row);
		if (body.has("region_id")) {
			Region next = region(body);
			if (!next.id().equals(region.id())) {
				region = next;
				rows.setRegion(row.id(), region.id(), region.currencyCode().toLowerCase(Locale.ROOT));
				if (!body.has("shipping_address") && row.shippingAddress() != null
						&& !inRegion(region, row.shippingAddress().countryCode())) {
					rows.setShippingAddress(row.id(), null);
				}
			}
		}
		if (body.has("email")) {
			rows.setEmail(row.id(), email(body));
		}
		if (body.has("metadata")) {
			rows.setMetadata(row.id(), metadata(body));
		}
		if (body.has("shipping_address")) {
			rows.setShippingAddress(row.id(), address(body, "shipping_address", region, row.shippingAddress()));
		}
		if (body.has("billing_address")) {
			rows.setBillingAddress(row.id(), address(body, "billing_address", region, row.billingAddress()));
		}
		// Each field's update sets updated_at; a body that changes nothing still counts as a change.
		if (java.util.stream.Stream.of("email", "metadata", "shipping_address", "billing_address").noneMatch(body::has)) {
			rows.touch(row.id());
		}
		return refresh(rows.find(row.id()).orElseThrow());
	}

	/**
	 * Makes a guest cart (or the customer's own) the logged-in customer's, with their email; another customer's cart
	 * is {@code not_found}.
	 */
	public Cart transfer(Shopper shopper, String cartId) {
		if (!shopper.isLoggedIn()) {
			throw LoupeException.unauthorized("Unauthorized");
		}
		CartRow row = open(shopper, cartId);
		rows.setCustomer(row.id(), shopper.customerId(),
				shopper.email() == null ? row.email() : shopper.email().toLowerCase(Locale.ROOT));
		return refresh(rows.find(row.id()).orElseThrow());
	}

	// ---------------------------------------------------------------- lines

	/** Adds {@code quantity} of {@code variant_id}; a variant already in the cart gets the quantity added to its line. */
	public Cart addLine(Shopper shopper, String cartId, Input body) {
		CartRow row = open(shopper, cartId);
		Region region = region(row);
		// Adding a line changes no column of the cart itself: the locked row is current.
		return pricing.refresh(row, region, addLine(row, region, body));
	}

	/** Sets a line's {@code quantity} (0 removes the line) and, when present, its {@code metadata}. */
	public Cart updateLine(Shopper shopper, String cartId, String lineId, Input body) {
		body.allow(Set.of("quantity", "metadata"));
		CartRow row = open(shopper, cartId);
		LineItem line = line(row, lineId);
		if (!body.has("quantity") || body.raw("quantity") == null) {
			throw body.invalid("quantity", "is required");
		}
		int quantity = body.integer("quantity", 0, MAX_QUANTITY);
		Map<String, Object> metadata = body.has("metadata") ? metadata(body) : null;
		if (quantity == 0) {
			rows.deleteLine(line.id());
		}
		else {
			if (quantity > line.quantity()) {
				SellableVariant variant = products.sellableVariants(List.of(line.variantId()), List.of(row.salesChannelId()))
					.get(line.variantId());
				if (variant != null) {
					requireStock(variant, quantity);
				}
			}
			rows.setQuantity(line.id(), quantity);
			if (body.has("metadata")) {
				rows.setLineMetadata(line.id(), metadata);
			}
		}
		rows.touch(row.id());
		return refresh(rows.find(row.id()).orElseThrow());
	}

	/** Removes a line of the cart; {@code not_found} when the cart has no such line. */
	public Cart removeLine(Shopper shopper, String cartId, String lineId) {
		CartRow row = open(shopper, cartId);
		rows.deleteLine(line(row, lineId).id());
		rows.touch(row.id());
		return refresh(rows.find(row.id()).orElseThrow());
	}

	/** Adds the line; answers the variants and prices of every line, read for it, for re-pricing the cart. */
	private CartPricing.Known addLine(CartRow row, Region region, Input item) {
		item.allow(Set.of("variant_id", "quantity", "metadata"));
		String variantId = item.requiredText("variant_id", 100);
		if (!item.has("quantity") || item.raw("quantity") == null) {
			throw item.invalid("quantity", "is required");
		}
		int quantity = item.integer("quantity", 1, MAX_QUANTITY);
		Map<String, Object> metadata = item.has("metadata") ? metadata(item) : null;
		List<LineItem> lines = rows.lines(row.id(), row.currencyCode());
		List<String> variantIds = java.util.stream.Stream.concat(lines.stream().map(LineItem::variantId),
				java.util.stream.Stream.of(variantId)).distinct().toList();
		Map<String, SellableVariant> variants = products.sellableVariants(variantIds, List.of(row.salesChannelId()));
		SellableVariant variant = variants.get(variantId);
		if (variant == null) {
			throw item.invalid("variant_id", "'" + shown(variantId)
					+ "' is not a variant of a published product sold in this cart's sales channel");
		}
		Optional<LineItem> same = lines.stream().filter(l -> l.variantId().equals(variantId)).findFirst();
		int total = quantity + same.map(LineItem::quantity).orElse(0);
		if (total > MAX_QUANTITY) {
			throw item.invalid("quantity", "would make " + total + " of variant " + variantId + " in the cart; at most "
					+ MAX_QUANTITY + " are allowed");
		}
		if (same.isEmpty() && lines.size() >= MAX_LINES) {
			throw LoupeException.notAllowed("A cart holds at most " + MAX_LINES + " lines");
		}
		requireStock(variant, total);
		Map<String, CalculatedPrice> prices = pricing.priceOf(variantIds, region);
		CalculatedPrice price = prices.get(variantId);
		if (same.isPresent()) {
			rows.setQuantity(same.get().id(), total);
			if (item.has("metadata")) {
				rows.setLineMetadata(same.get().id(), metadata);
			}
		}
		else {
			rows.insertLine(Ids.next("cali"), row.id(), variant, quantity, price.calculated(), price.taxInclusive(),
					metadata);
		}
		return new CartPricing.Known(variants, prices);
	}

	private void requireStock(SellableVariant variant, int quantity) {
		if (variant.limitedByStock()
				&& quantity > stock.available(List.of(variant.id())).getOrDefault(variant.id(), 0)) {
			throw LoupeException.notAllowed("Variant " + variant.id() + " does not have the required inventory");
		}
	}

	private LineItem line(CartRow row, String lineId) {
		return rows.lines(row.id(), row.currencyCode()).stream()
			.filter(l -> l.id().equals(lineId))
			.findFirst()
			.orElseThrow(() -> LoupeException.notFound("Line item", shown(lineId)));
	}

	// ---------------------------------------------------------------- pricing and totals

	/** Re-prices every line, the shipping method and the discounts (see {@link CartPricing}) and reads the cart. */
	Cart refresh(CartRow row) {
		return pricing.refresh(row, region(row));
	}

	// ---------------------------------------------------------------- access

	/** The cart locked for a change: visible to the shopper and not completed. */
	CartRow open(Shopper shopper, String cartId) {
		CartRow row = visible(shopper, cartId, rows.lock(checkedId(cartId)));
		if (row.completedAt() != null) {
			throw LoupeException.notAllowed("Cart " + row.id() + " is already completed and cannot change");
		}
		return row;
	}

	static CartRow visible(Shopper shopper, String cartId, Optional<CartRow> found) {
		return found
			.filter(row -> shopper.salesChannelIds().contains(row.salesChannelId()))
			.filter(row -> row.customerId() == null || row.customerId().equals(shopper.customerId()))
			.orElseThrow(() -> LoupeException.notFound("Cart", shown(cartId)));
	}

	static String checkedId(String cartId) {
		return Ids.hasPrefix(cartId, "cart") ? cartId : "";
	}

	Region region(CartRow row) {
		return markets.region(row.regionId())
			.orElseThrow(() -> LoupeException.notAllowed("The region of cart " + row.id() + " no longer exists; choose "
					+ "another with region_id"));
	}

	private Region region(Input body) {
		String id = body.requiredText("region_id", 100);
		return (Ids.isWellFormed(id) ? markets.region(id) : Optional.<Region>empty())
			.orElseThrow(() -> body.invalid("region_id", "'" + shown(id) + "' is not a region of this store"));
	}

	// ---------------------------------------------------------------- fields

	private static String email(Input body) {
		String email = body.text("email", 254);
		if (email == null) {
			return null;
		}
		email = email.strip().toLowerCase(Locale.ROOT);
		if (!EMAIL.matcher(email).matches()) {
			throw body.invalid("email", "must be an email address such as name@example.com");
		}
		return email;
	}

	/** The address of a body field; {@code null} removes it. Its country must be one of the region's. */
	private CartAddress address(Input body, String field, Region region, CartAddress previous) {
		if (body.raw(field) == null) {
			return null;
		}
		Input a = body.object(field).allow(ADDRESS_FIELDS);
		String country = a.text("country_code", MAX_TEXT);
		if (country != null) {
			country = country.strip().toLowerCase(Locale.ROOT);
			if (!inRegion(region, country)) {
				throw a.invalid("country_code", "must be one of the countries of region " + region.name() + ": "
						+ String.join(", ", region.countries().stream().map(Country::iso2).toList()));
			}
		}
		Instant now = clock.instant();
		return new CartAddress(Ids.next("caaddr"), a.text("first_name", MAX_TEXT), a.text("last_name", MAX_TEXT),
				a.text("phone", MAX_TEXT), a.text("company", MAX_TEXT), a.text("address_1", MAX_TEXT),
				a.text("address_2", MAX_TEXT), a.text("city", MAX_TEXT), country, a.text("province", MAX_TEXT),
				a.text("postal_code", MAX_TEXT), metadata(a), previous == null ? now : previous.createdAt(), now);
	}

	private static boolean inRegion(Region region, String countryCode) {
		return countryCode != null && region.countries().stream().anyMatch(c -> c.iso2().equalsIgnoreCase(countryCode));
	}

	private static Map<String, Object> metadata(Input body) {
		Map<String, Object> metadata = body.metadata("metadata");
		String json = Json.write(metadata);
		if (json != null && json.length() > MAX_METADATA) {
			throw body.invalid("metadata", "must be at most " + MAX_METADATA + " characters as JSON");
		}
		return metadata == null || metadata.isEmpty() ? null : metadata;
	}

	/** An id as it may be echoed in a message: without control or markup characters, and short. */
	static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>']", "?");
	}
}
