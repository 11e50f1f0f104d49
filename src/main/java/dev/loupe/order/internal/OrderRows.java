package dev.loupe.order.internal;

import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderAmounts;
import dev.loupe.order.OrderChange;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderShippingMethod;
import dev.loupe.order.OrderStatus;
import dev.loupe.order.OrderTotals;
import dev.loupe.platform.FieldCipher;
import dev.loupe.platform.Json;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * The rows of the {@code orders} schema. Addresses are sealed with {@link FieldCipher}, bound to the order id and
 * their role ({@code order_…:shipping}), so the database holds no readable address and a sealed address moved to
 * another order or role does not open.
 */
@Repository
public class OrderRows {

	/** The total columns in the order of {@link OrderTotals#all()}. */
	private static final List<String> TOTALS = List.of("item_subtotal", "item_tax_total", "item_total",
			"original_item_subtotal", "original_item_tax_total", "original_item_total", "shipping_subtotal",
			"shipping_tax_total", "shipping_total", "original_shipping_subtotal", "original_shipping_tax_total",
			"original_shipping_total", "discount_total", "discount_tax_total", "subtotal", "tax_total", "total",
			"original_subtotal", "original_tax_total", "original_total");
	/** The amount columns of a line or shipping method, in the order of {@code OrderAmounts}' components. */
	private static final List<String> AMOUNTS = List.of("original_subtotal", "original_tax_total", "original_total",
			"subtotal", "tax_total", "discount_total", "discount_tax_total", "total");

	private final JdbcClient jdbc;
	private final FieldCipher cipher;
	private final DataSource dataSource;

	OrderRows(JdbcClient jdbc, FieldCipher cipher, DataSource dataSource) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.dataSource = dataSource;
	}

	/**
	 * Inserts the order row unless the cart already has an order; true when inserted. A concurrent insert for the same
	 * cart waits here for the other transaction and then inserts nothing.
	 */
	public boolean insert(Order o) {
		var statement = jdbc.sql("insert into orders.sales_order (id, cart_id, status, payment_status, fulfillment_status,"
				+ " region_id, currency_code, sales_channel_id, customer_id, email, shipping_address, billing_address,"
				+ " promotion_codes, payment_collection_id, metadata, " + String.join(", ", TOTALS) + ")"
				+ " values (:id, :cart_id, :status, :payment_status, :fulfillment_status, :region_id, :currency_code,"
				+ " :sales_channel_id, :customer_id, :email, :shipping_address, :billing_address, :promotion_codes::jsonb,"
				+ " :payment_collection_id, :metadata::jsonb, "
				+ String.join(", ", TOTALS.stream().map(c -> ":" + c).toList()) + ")"
				+ " on conflict (cart_id) do nothing")
			.param("id", o.id())
			.param("cart_id", o.cartId())
			.param("status", o.status().wire())
			.param("payment_status", o.paymentStatus())
			.param("fulfillment_status", o.fulfillmentStatus())
			.param("region_id", o.regionId())
			.param("currency_code", o.currencyCode())
			.param("sales_channel_id", o.salesChannelId())
			.param("customer_id", o.customerId())
			.param("email", o.email())
			.param("shipping_address", seal(o.id(), "shipping", o.shippingAddress()))
			.param("billing_address", seal(o.id(), "billing", o.billingAddress()))
			.param("promotion_codes", OrderDocuments.strings(o.promotionCodes()))
			.param("payment_collection_id", o.paymentCollectionId())
			.param("metadata", Json.write(o.metadata()));
		List<Money> totals = o.totals().all();
		for (int i = 0; i < TOTALS.size(); i++) {
			statement = statement.param(TOTALS.get(i), totals.get(i).amount());
		}
		return statement.update() == 1;
	}

	public void insertLine(String orderId, int position, OrderLine l) {
		var statement = jdbc.sql("insert into orders.line_item (id, order_id, position, variant_id, product_id, title,"
				+ " subtitle, thumbnail, product_title, product_handle, variant_title, variant_sku, quantity, unit_price,"
				+ " is_tax_inclusive, requires_shipping, is_discountable, tax_lines, adjustments, metadata, "
				+ String.join(", ", AMOUNTS) + ") values (:id, :order_id, :position, :variant_id, :product_id, :title,"
				+ " :subtitle, :thumbnail, :product_title, :product_handle, :variant_title, :variant_sku, :quantity,"
				+ " :unit_price, :is_tax_inclusive, :requires_shipping, :is_discountable, :tax_lines::jsonb,"
				+ " :adjustments::jsonb, :metadata::jsonb, " + String.join(", ", AMOUNTS.stream().map(c -> ":" + c).toList())
				+ ")")
			.param("id", l.id())
			.param("order_id", orderId)
			.param("position", position)
			.param("variant_id", l.variantId())
			.param("product_id", l.productId())
			.param("title", l.title())
			.param("subtitle", l.subtitle())
			.param("thumbnail", l.thumbnail())
			.param("product_title", l.productTitle())
			.param("product_handle", l.productHandle())
			.param("variant_title", l.variantTitle())
			.param("variant_sku", l.variantSku())
			.param("quantity", l.quantity())
			.param("unit_price", l.unitPrice().amount())
			.param("is_tax_inclusive", l.taxInclusive())
			.param("requires_shipping", l.requiresShipping())
			.param("is_discountable", l.discountable())
			.param("tax_lines", OrderDocuments.taxLines(l.taxLines()))
			.param("adjustments", OrderDocuments.adjustments(l.adjustments()))
			.param("metadata", Json.write(l.metadata()));
		amounts(statement, l.amounts()).update();
	}

	public void insertShippingMethod(String orderId, int position, OrderShippingMethod s) {
		var statement = jdbc.sql("insert into orders.shipping_method (id, order_id, position, shipping_option_id, name,"
				+ " amount, is_tax_inclusive, tax_lines, adjustments, data, " + String.join(", ", AMOUNTS) + ")"
				+ " values (:id, :order_id, :position, :shipping_option_id, :name, :amount, :is_tax_inclusive,"
				+ " :tax_lines::jsonb, :adjustments::jsonb, :data::jsonb, "
				+ String.join(", ", AMOUNTS.stream().map(c -> ":" + c).toList()) + ")")
			.param("id", s.id())
			.param("order_id", orderId)
			.param("position", position)
			.param("shipping_option_id", s.shippingOptionId())
			.param("name", s.name())
			.param("amount", s.amount().amount())
			.param("is_tax_inclusive", s.taxInclusive())
			.param("tax_lines", OrderDocuments.taxLines(s.taxLines()))
			.param("adjustments", OrderDocuments.adjustments(s.adjustments()))
			.param("data", Json.write(s.data()));
		amounts(statement, s.amounts()).update();
	}

	/** Sets the customer of the guest orders with this email; the ids of those orders. */
	public List<String> attachGuestOrders(String customerId, String email) {
		return jdbc.sql("""
				update orders.sales_order set customer_id = ?, updated_at = now()
				where customer_id is null and lower(email) = lower(?) returning id""")
			.params(customerId, email)
			.query(String.class)
			.list();
	}

	/** A new order's first history: its three statuses set by {@code actor}, in one statement. */
	public void insertInitialChanges(String orderId, String status, String paymentStatus, String fulfillmentStatus,
			String actor) {
		jdbc.sql("""
				insert into orders.status_change (order_id, field, from_value, to_value, actor)
				values (?, 'status', null, ?, ?), (?, 'payment_status', null, ?, ?), (?, 'fulfillment_status', null, ?, ?)""")
			.params(orderId, status, actor, orderId, paymentStatus, actor, orderId, fulfillmentStatus, actor)
			.update();
	}

	public void insertChange(String orderId, String field, String from, String to, String actor, String reason) {
		jdbc.sql("""
				insert into orders.status_change (order_id, field, from_value, to_value, actor, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(orderId, field, from, to, actor, reason)
			.update();
	}

	/** Sets one status column ({@code status}, {@code payment_status} or {@code fulfillment_status}). */
	public void setStatus(String orderId, String column, String value) {
		if (!List.of("status", "payment_status", "fulfillment_status").contains(column)) {
			throw new IllegalArgumentException("Not a status column: " + column);
		}
		jdbc.sql("update orders.sales_order set " + column + " = ?, updated_at = now()"
				+ ("status".equals(column) && "canceled".equals(value) ? ", canceled_at = now()" : "") + " where id = ?")
			.params(value, orderId)
			.update();
	}

	/**
	 * Inserts whole orders (with their lines, shipping methods and history) in JDBC batches: for loading many orders
	 * at once (the benchmark's seed). The orders keep their own {@code createdAt}; display ids come from the sequence.
	 */
	public void insertBatch(List<Order> orders, List<OrderChange> history) {
		if (orders.isEmpty()) {
			return;
		}
		JdbcTemplate batch = new JdbcTemplate(dataSource);
		List<Object[]> rows = new ArrayList<>(orders.size());
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> methods = new ArrayList<>();
		for (Order o : orders) {
			List<Object> row = new ArrayList<>(Arrays.asList(o.id(), o.cartId(), o.status().wire(), o.paymentStatus(),
					o.fulfillmentStatus(), o.regionId(), o.currencyCode(), o.salesChannelId(), o.customerId(), o.email(),
					seal(o.id(), "shipping", o.shippingAddress()), seal(o.id(), "billing", o.billingAddress()),
					OrderDocuments.strings(o.promotionCodes()), o.paymentCollectionId(), Json.write(o.metadata())));
			o.totals().all().forEach(m -> row.add(m.amount()));
			row.add(Timestamp.from(o.createdAt()));
			row.add(Timestamp.from(o.updatedAt()));
			row.add(o.canceledAt() == null ? null : Timestamp.from(o.canceledAt()));
			rows.add(row.toArray());
			int position = 0;
			for (OrderLine l : o.items()) {
				List<Object> line = new ArrayList<>(Arrays.asList(l.id(), o.id(), position++, l.variantId(),
						l.productId(), l.title(), l.subtitle(), l.thumbnail(), l.productTitle(), l.productHandle(),
						l.variantTitle(), l.variantSku(), l.quantity(), l.unitPrice().amount(), l.taxInclusive(),
						l.requiresShipping(), l.discountable(), OrderDocuments.taxLines(l.taxLines()),
						OrderDocuments.adjustments(l.adjustments()), Json.write(l.metadata())));
				l.amounts().all().forEach(m -> line.add(m.amount()));
				lines.add(line.toArray());
			}
			position = 0;
			for (OrderShippingMethod s : o.shippingMethods()) {
				List<Object> method = new ArrayList<>(Arrays.asList(s.id(), o.id(), position++, s.shippingOptionId(),
						s.name(), s.amount().amount(), s.taxInclusive(), OrderDocuments.taxLines(s.taxLines()),
						OrderDocuments.adjustments(s.adjustments()), Json.write(s.data())));
				s.amounts().all().forEach(m -> method.add(m.amount()));
				methods.add(method.toArray());
			}
		}
		batch.batchUpdate("insert into orders.sales_order (id, cart_id, status, payment_status, fulfillment_status,"
				+ " region_id, currency_code, sales_channel_id, customer_id, email, shipping_address, billing_address,"
				+ " promotion_codes, payment_collection_id, metadata, " + String.join(", ", TOTALS)
				+ ", created_at, updated_at, canceled_at) values (" + marks(12) + ", ?::jsonb, ?, ?::jsonb, "
				+ marks(TOTALS.size() + 3) + ")", rows);
		batch.batchUpdate("insert into orders.line_item (id, order_id, position, variant_id, product_id, title,"
				+ " subtitle, thumbnail, product_title, product_handle, variant_title, variant_sku, quantity, unit_price,"
				+ " is_tax_inclusive, requires_shipping, is_discountable, tax_lines, adjustments, metadata, "
				+ String.join(", ", AMOUNTS) + ") values (" + marks(17) + ", ?::jsonb, ?::jsonb, ?::jsonb, "
				+ marks(AMOUNTS.size()) + ")", lines);
		batch.batchUpdate("insert into orders.shipping_method (id, order_id, position, shipping_option_id, name,"
				+ " amount, is_tax_inclusive, tax_lines, adjustments, data, " + String.join(", ", AMOUNTS) + ")"
				+ " values (" + marks(7) + ", ?::jsonb, ?::jsonb, ?::jsonb, " + marks(AMOUNTS.size()) + ")", methods);
		batch.batchUpdate("insert into orders.status_change (order_id, field, from_value, to_value, actor, reason, at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)", history.stream()
			.map(c -> new Object[] { c.orderId(), c.field(), c.from(), c.to(), c.actor(), c.reason(),
					Timestamp.from(c.at()) })
			.toList());
	}

	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	// ---------------------------------------------------------------- reads

	public Optional<Order> find(String id) {
		return one("where id = ?", id);
	}

	/** The order, its row locked for the rest of the transaction: status changes of one order are serialised. */
	public Optional<Order> lock(String id) {
		return jdbc.sql("select id from orders.sales_order where id = ? for update")
			.param(id)
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	public Optional<Order> findByCart(String cartId) {
		return one("where cart_id = ?", cartId);
	}

	public Optional<Order> findByDisplayId(long displayId, String email) {
		return jdbc.sql("select * from orders.sales_order where lower(email) = lower(?) and display_id = ?")
			.params(email, displayId)
			.query(this::header)
			.optional()
			.map(h -> assemble(List.of(h)).getFirst());
	}

	/** A customer's orders, newest first; limited to some sales channels unless {@code channels} is null. */
	public List<Order> forCustomer(String customerId, List<String> channels, int limit, int offset) {
		List<Order> headers = jdbc.sql("select * from orders.sales_order where customer_id = :customer"
				+ (channels == null ? "" : " and sales_channel_id in (:channels)")
				+ " order by created_at desc, id desc limit :limit offset :offset")
			.param("customer", customerId)
			.param("channels", channels == null || channels.isEmpty() ? List.of("") : channels)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::header)
			.list();
		return assemble(headers);
	}

	public long countForCustomer(String customerId, List<String> channels) {
		return jdbc.sql("select count(*) from orders.sales_order where customer_id = :customer"
				+ (channels == null ? "" : " and sales_channel_id in (:channels)"))
			.param("customer", customerId)
			.param("channels", channels == null || channels.isEmpty() ? List.of("") : channels)
			.query(Long.class)
			.single();
	}

	public List<OrderChange> history(String orderId) {
		return jdbc.sql("select * from orders.status_change where order_id = ? order by id")
			.param(orderId)
			.query((rs, n) -> new OrderChange(rs.getString("order_id"), rs.getString("field"), rs.getString("from_value"),
					rs.getString("to_value"), rs.getString("actor"), rs.getString("reason"), instant(rs, "at")))
			.list();
	}

	// ---------------------------------------------------------------- mapping

	private Optional<Order> one(String where, String value) {
		return jdbc.sql("select * from orders.sales_order " + where)
			.param(value)
			.query(this::header)
			.optional()
			.map(h -> assemble(List.of(h)).getFirst());
	}

	/** Adds the lines and shipping methods to order rows read without them, in two queries for all of them. */
	private List<Order> assemble(List<Order> headers) {
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<String, String> currencies = new HashMap<>();
		headers.forEach(h -> currencies.put(h.id(), h.currencyCode()));
		Map<String, List<OrderLine>> lines = new HashMap<>();
		jdbc.sql("select * from orders.line_item where order_id in (:ids) order by order_id, position")
			.param("ids", List.copyOf(currencies.keySet()))
			.query(rs -> {
				String orderId = rs.getString("order_id");
				lines.computeIfAbsent(orderId, k -> new ArrayList<>()).add(line(rs, currencies.get(orderId)));
			});
		Map<String, List<OrderShippingMethod>> methods = new HashMap<>();
		jdbc.sql("select * from orders.shipping_method where order_id in (:ids) order by order_id, position")
			.param("ids", List.copyOf(currencies.keySet()))
			.query(rs -> {
				String orderId = rs.getString("order_id");
				methods.computeIfAbsent(orderId, k -> new ArrayList<>()).add(method(rs, currencies.get(orderId)));
			});
		List<Order> orders = new ArrayList<>(headers.size());
		for (Order h : headers) {
			orders.add(new Order(h.id(), h.displayId(), h.status(), h.paymentStatus(), h.fulfillmentStatus(), h.cartId(),
					h.regionId(), h.currencyCode(), h.salesChannelId(), h.customerId(), h.email(), h.shippingAddress(),
					h.billingAddress(), List.copyOf(lines.getOrDefault(h.id(), List.of())),
					List.copyOf(methods.getOrDefault(h.id(), List.of())), h.promotionCodes(), h.totals(),
					h.paymentCollectionId(), h.metadata(), h.createdAt(), h.updatedAt(), h.canceledAt()));
		}
		return orders;
	}

	private Order header(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		String currency = rs.getString("currency_code");
		List<Money> totals = new ArrayList<>(TOTALS.size());
		for (String column : TOTALS) {
			totals.add(money(rs, column, currency));
		}
		OrderTotals t = new OrderTotals(totals.get(0), totals.get(1), totals.get(2), totals.get(3), totals.get(4),
				totals.get(5), totals.get(6), totals.get(7), totals.get(8), totals.get(9), totals.get(10), totals.get(11),
				totals.get(12), totals.get(13), totals.get(14), totals.get(15), totals.get(16), totals.get(17),
				totals.get(18), totals.get(19));
		OffsetDateTime canceled = rs.getObject("canceled_at", OffsetDateTime.class);
		return new Order(id, rs.getLong("display_id"), OrderStatus.of(rs.getString("status")),
				rs.getString("payment_status"), rs.getString("fulfillment_status"), rs.getString("cart_id"),
				rs.getString("region_id"), currency, rs.getString("sales_channel_id"), rs.getString("customer_id"),
				rs.getString("email"), open(id, "shipping", rs.getString("shipping_address")),
				open(id, "billing", rs.getString("billing_address")), List.of(), List.of(),
				OrderDocuments.strings(rs.getString("promotion_codes")), t, rs.getString("payment_collection_id"),
				Json.map(rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"),
				canceled == null ? null : canceled.toInstant());
	}

	private static OrderLine line(ResultSet rs, String currency) throws SQLException {
		return new OrderLine(rs.getString("id"), rs.getString("variant_id"), rs.getString("product_id"),
				rs.getString("title"), rs.getString("subtitle"), rs.getString("thumbnail"), rs.getString("product_title"),
				rs.getString("product_handle"), rs.getString("variant_title"), rs.getString("variant_sku"),
				rs.getInt("quantity"), money(rs, "unit_price", currency), rs.getBoolean("is_tax_inclusive"),
				rs.getBoolean("requires_shipping"), rs.getBoolean("is_discountable"),
				OrderDocuments.taxLines(rs.getString("tax_lines"), currency),
				OrderDocuments.adjustments(rs.getString("adjustments"), currency), amounts(rs, currency),
				Json.map(rs.getString("metadata")));
	}

	private static OrderShippingMethod method(ResultSet rs, String currency) throws SQLException {
		return new OrderShippingMethod(rs.getString("id"), rs.getString("shipping_option_id"), rs.getString("name"),
				money(rs, "amount", currency), rs.getBoolean("is_tax_inclusive"),
				OrderDocuments.taxLines(rs.getString("tax_lines"), currency),
				OrderDocuments.adjustments(rs.getString("adjustments"), currency), amounts(rs, currency),
				Json.map(rs.getString("data")));
	}

	private static OrderAmounts amounts(ResultSet rs, String currency) throws SQLException {
		return new OrderAmounts(money(rs, "original_subtotal", currency), money(rs, "original_tax_total", currency),
				money(rs, "original_total", currency), money(rs, "subtotal", currency), money(rs, "tax_total", currency),
				money(rs, "discount_total", currency), money(rs, "discount_tax_total", currency),
				money(rs, "total", currency));
	}

	private static JdbcClient.StatementSpec amounts(JdbcClient.StatementSpec statement, OrderAmounts a) {
		List<Money> values = List.of(a.originalSubtotal(), a.originalTaxTotal(), a.originalTotal(), a.subtotal(),
				a.taxTotal(), a.discountTotal(), a.discountTaxTotal(), a.total());
		for (int i = 0; i < AMOUNTS.size(); i++) {
			statement = statement.param(AMOUNTS.get(i), values.get(i).amount());
		}
		return statement;
	}

	private String seal(String orderId, String role, OrderAddress a) {
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
		return cipher.encrypt(Json.write(doc), orderId + ":" + role);
	}

	@SuppressWarnings("unchecked")
	private OrderAddress open(String orderId, String role, String sealed) {
		if (sealed == null) {
			return null;
		}
		Map<String, Object> f = Json.map(cipher.decrypt(sealed, orderId + ":" + role));
		return new OrderAddress((String) f.get("first_name"), (String) f.get("last_name"), (String) f.get("phone"),
				(String) f.get("company"), (String) f.get("address_1"), (String) f.get("address_2"),
				(String) f.get("city"), (String) f.get("country_code"), (String) f.get("province"),
				(String) f.get("postal_code"), (Map<String, Object>) f.get("metadata"), (String) f.get("id"));
	}

	private static Money money(ResultSet rs, String column, String currency) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return Money.of(value, currency);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
