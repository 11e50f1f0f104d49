package dev.loupe.cart.internal;

import dev.loupe.cart.CartAddress;
import dev.loupe.cart.LineItem;
import dev.loupe.catalog.SellableVariant;
import dev.loupe.platform.FieldCipher;
import dev.loupe.platform.Json;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code cart.cart} and {@code cart.line_item}. Addresses are sealed with {@link FieldCipher}, bound to
 * the cart id and their role ({@code cart_…:shipping}), so that the database holds no readable address and a sealed
 * address moved to another cart or role does not open.
 */
@Repository
public class CartRows {

	private static final String CART_COLUMNS = "id, region_id, currency_code, sales_channel_id, customer_id, email,"
			+ " shipping_address, billing_address, metadata, completed_at, created_at, updated_at";

	private final JdbcClient jdbc;
	private final FieldCipher cipher;

	CartRows(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	public void insert(String id, String regionId, String currencyCode, String salesChannelId, String customerId,
			String email, Map<String, Object> metadata) {
		jdbc.sql("""
				insert into cart.cart (id, region_id, currency_code, sales_channel_id, customer_id, email, metadata)
				values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(id, regionId, currencyCode, salesChannelId, customerId, email, Json.write(metadata))
			.update();
	}

	/** A live cart. */
	public Optional<CartRow> find(String id) {
		return jdbc.sql("select " + CART_COLUMNS + " from cart.cart where id = ? and deleted_at is null")
			.param(id)
			.query(this::cart)
			.optional();
	}

	/** A live cart, locked for the rest of the transaction: changes to one cart are serialised. */
	/**
	 * Claims an open cart for a completion for {@code hold} and answers it as it stands once claimed (the update holds
	 * its row lock): empty when it is unknown, completed, or held by another completion whose claim has not expired.
	 * The claim is one short statement, so concurrent completions see it as soon as it commits.
	 */
	public Optional<CartRow> claim(String id, java.time.Duration hold) {
		return jdbc.sql("""
				update cart.cart set completing_until = now() + make_interval(secs => ?)
				where id = ? and completed_at is null and deleted_at is null
				  and (completing_until is null or completing_until < now())
				returning\s""" + CART_COLUMNS)
			.params(hold.toSeconds(), id)
			.query(this::cart)
			.optional();
	}

	public Optional<CartRow> lock(String id) {
		return jdbc.sql("select " + CART_COLUMNS + " from cart.cart where id = ? and deleted_at is null for update")
			.param(id)
			.query(this::cart)
			.optional();
	}

	public void setEmail(String id, String email) {
		jdbc.sql("update cart.cart set email = ?, updated_at = now() where id = ?").params(email, id).update();
	}

	public void setRegion(String id, String regionId, String currencyCode) {
		jdbc.sql("update cart.cart set region_id = ?, currency_code = ?, updated_at = now() where id = ?")
			.params(regionId, currencyCode, id)
			.update();
	}

	public void setMetadata(String id, Map<String, Object> metadata) {
		jdbc.sql("update cart.cart set metadata = ?::jsonb, updated_at = now() where id = ?")
			.params(Json.write(metadata), id)
			.update();
	}

	public void setCustomer(String id, String customerId, String email) {
		jdbc.sql("update cart.cart set customer_id = ?, email = ?, updated_at = now() where id = ?")
			.params(customerId, email, id)
			.update();
	}

	/** Sets (or with null, removes) the shipping address. */
	public void setShippingAddress(String id, CartAddress address) {
		jdbc.sql("update cart.cart set shipping_address = ?, updated_at = now() where id = ?")
			.params(seal(id, "shipping", address), id)
			.update();
	}

	public void setBillingAddress(String id, CartAddress address) {
		jdbc.sql("update cart.cart set billing_address = ?, updated_at = now() where id = ?")
			.params(seal(id, "billing", address), id)
			.update();
	}

	public void touch(String id) {
		jdbc.sql("update cart.cart set updated_at = now() where id = ?").param(id).update();
	}

	// ---------------------------------------------------------------- lines

	/** The lines of a cart, oldest first, with prices in its currency. */
	public List<LineItem> lines(String cartId, String currencyCode) {
		return jdbc.sql("select * from cart.line_item where cart_id = ? order by created_at, id")
			.param(cartId)
			.query((rs, n) -> line(rs, currencyCode))
			.list();
	}

	public void insertLine(String id, String cartId, SellableVariant v, int quantity, Money unitPrice,
			boolean taxInclusive, Map<String, Object> metadata) {
		jdbc.sql("""
				insert into cart.line_item (id, cart_id, variant_id, product_id, title, subtitle, thumbnail, product_title,
				  product_handle, variant_title, variant_sku, quantity, unit_price, is_tax_inclusive, requires_shipping,
				  is_discountable, metadata)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(id, cartId, v.id(), v.productId(), v.productTitle(), v.title(), v.thumbnail(), v.productTitle(),
					v.productHandle(), v.title(), v.sku(), quantity, unitPrice.amount(), taxInclusive, v.requiresShipping(),
					v.discountable(), Json.write(metadata))
			.update();
	}

	public void setQuantity(String lineId, int quantity) {
		jdbc.sql("update cart.line_item set quantity = ?, updated_at = now() where id = ?").params(quantity, lineId).update();
	}

	public void setLineMetadata(String lineId, Map<String, Object> metadata) {
		jdbc.sql("update cart.line_item set metadata = ?::jsonb, updated_at = now() where id = ?")
			.params(Json.write(metadata), lineId)
			.update();
	}

	/** Stores a refreshed unit price; the row changes only when the price or its tax mode did. */
	public void setPrice(String lineId, BigDecimal unitPrice, boolean taxInclusive) {
		jdbc.sql("""
				update cart.line_item set unit_price = ?, is_tax_inclusive = ?, updated_at = now()
				where id = ? and (unit_price <> ? or is_tax_inclusive <> ?)""")
			.params(unitPrice, taxInclusive, lineId, unitPrice, taxInclusive)
			.update();
	}

	public void deleteLine(String lineId) {
		jdbc.sql("delete from cart.line_item where id = ?").param(lineId).update();
	}

	// ---------------------------------------------------------------- mapping

	private String seal(String cartId, String role, CartAddress a) {
		if (a == null) {
			return null;
		}
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("id", a.id());
		doc.put("first_name", a.firstName());
		doc.put("last_name", a.lastName());
		doc.put("phone", a.phone());
		doc.put("company", a.company());
		doc.put("address_1", a.address1());
		doc.put("address_2", a.address2());
		doc.put("city", a.city());
		doc.put("country_code", a.countryCode());
		doc.put("province", a.province());
		doc.put("postal_code", a.postalCode());
		doc.put("metadata", a.metadata());
		doc.put("created_at", a.createdAt().toString());
		doc.put("updated_at", a.updatedAt().toString());
		return cipher.encrypt(Json.write(doc), cartId + ":" + role);
	}

	@SuppressWarnings("unchecked")
	private CartAddress open(String cartId, String role, String sealed) {
		if (sealed == null) {
			return null;
		}
		Map<String, Object> f = Json.map(cipher.decrypt(sealed, cartId + ":" + role));
		return new CartAddress((String) f.get("id"), (String) f.get("first_name"), (String) f.get("last_name"),
				(String) f.get("phone"), (String) f.get("company"), (String) f.get("address_1"),
				(String) f.get("address_2"), (String) f.get("city"), (String) f.get("country_code"),
				(String) f.get("province"), (String) f.get("postal_code"), (Map<String, Object>) f.get("metadata"),
				Instant.parse((String) f.get("created_at")), Instant.parse((String) f.get("updated_at")));
	}

	private CartRow cart(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
		return new CartRow(id, rs.getString("region_id"), rs.getString("currency_code"), rs.getString("sales_channel_id"),
				rs.getString("customer_id"), rs.getString("email"), open(id, "shipping", rs.getString("shipping_address")),
				open(id, "billing", rs.getString("billing_address")), Json.map(rs.getString("metadata")),
				completed == null ? null : completed.toInstant(), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static LineItem line(ResultSet rs, String currencyCode) throws SQLException {
		return new LineItem(rs.getString("id"), rs.getString("cart_id"), rs.getString("variant_id"),
				rs.getString("product_id"), rs.getString("title"), rs.getString("subtitle"), rs.getString("thumbnail"),
				rs.getString("product_title"), rs.getString("product_handle"), rs.getString("variant_title"),
				rs.getString("variant_sku"), rs.getInt("quantity"), Money.of(rs.getBigDecimal("unit_price"), currencyCode),
				rs.getBoolean("is_tax_inclusive"), rs.getBoolean("requires_shipping"), rs.getBoolean("is_discountable"),
				Json.map(rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
