package dev.loupe.cart.internal;

import dev.loupe.cart.CartShippingMethod;
import dev.loupe.platform.Json;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of a cart beyond its lines: its shipping method ({@code cart.shipping_method}), its promotion codes
 * ({@code cart.promotion_code}) and its completion claim and mark ({@code cart.cart.completing_until},
 * {@code completed_at}).
 */
@Repository
public class CartExtrasRows {

	private final JdbcClient jdbc;

	CartExtrasRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- shipping methods

	public List<CartShippingMethod> shippingMethods(String cartId, String currencyCode) {
		return jdbc.sql("select * from cart.shipping_method where cart_id = ? order by created_at, id")
			.param(cartId)
			.query((rs, n) -> new CartShippingMethod(rs.getString("id"), rs.getString("shipping_option_id"),
					rs.getString("name"), Money.of(rs.getBigDecimal("amount"), currencyCode),
					rs.getBoolean("is_tax_inclusive"), Json.map(rs.getString("data")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Replaces the cart's shipping method (one per cart). */
	public void setShippingMethod(String cartId, String id, String optionId, String name, Money amount,
			boolean taxInclusive, Map<String, Object> data) {
		jdbc.sql("delete from cart.shipping_method where cart_id = ?").param(cartId).update();
		jdbc.sql("""
				insert into cart.shipping_method (id, cart_id, shipping_option_id, name, amount, is_tax_inclusive, data)
				values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(id, cartId, optionId, name, amount.amount(), taxInclusive, Json.write(data))
			.update();
	}

	/** Stores a re-quoted price; the row changes only when it did. */
	public void setShippingPrice(String methodId, Money amount, boolean taxInclusive) {
		jdbc.sql("""
				update cart.shipping_method set amount = ?, is_tax_inclusive = ?, updated_at = now()
				where id = ? and (amount <> ? or is_tax_inclusive <> ?)""")
			.params(amount.amount(), taxInclusive, methodId, amount.amount(), taxInclusive)
			.update();
	}

	public void deleteShippingMethod(String methodId) {
		jdbc.sql("delete from cart.shipping_method where id = ?").param(methodId).update();
	}

	// ---------------------------------------------------------------- promotion codes

	/** A promotion code applied to a cart. */
	public record AppliedCode(String promotionId, String code) {
	}

	public List<AppliedCode> codes(String cartId) {
		return jdbc.sql("select promotion_id, code from cart.promotion_code where cart_id = ? order by position")
			.param(cartId)
			.query((rs, n) -> new AppliedCode(rs.getString(1), rs.getString(2)))
			.list();
	}

	public void addCode(String cartId, String promotionId, String code) {
		jdbc.sql("""
				insert into cart.promotion_code (cart_id, promotion_id, code, position)
				values (?, ?, ?, (select coalesce(max(position), 0) + 1 from cart.promotion_code where cart_id = ?))
				on conflict (cart_id, promotion_id) do nothing""")
			.params(cartId, promotionId, code, cartId)
			.update();
	}

	public void removeCode(String cartId, String promotionId) {
		jdbc.sql("delete from cart.promotion_code where cart_id = ? and promotion_id = ?").params(cartId, promotionId)
			.update();
	}

	// ---------------------------------------------------------------- completion

	public void releaseClaim(String cartId) {
		jdbc.sql("update cart.cart set completing_until = null where id = ? and completed_at is null").param(cartId)
			.update();
	}

	/** Marks the cart completed; false when it already was. */
	public boolean complete(String cartId) {
		return jdbc.sql("""
				update cart.cart set completed_at = now(), completing_until = null, updated_at = now()
				where id = ? and completed_at is null""")
			.param(cartId)
			.update() == 1;
	}
}
