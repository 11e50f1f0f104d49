package dev.loupe.fulfillment.internal;

import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.FulfillmentItem;
import dev.loupe.fulfillment.FulfillmentState;
import dev.loupe.fulfillment.Tracking;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code fulfillment.fulfillment} and its items. */
@Repository
public class FulfillmentRows {

	private final JdbcClient jdbc;

	FulfillmentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises the fulfilment changes of one order until the transaction ends. */
	public void lockOrder(String orderId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7)) is not null").param(orderId).query(Boolean.class)
			.single();
	}

	public void insert(String id, String orderId, String locationId, String idempotencyKey, String actor,
			List<FulfillmentItem> items) {
		jdbc.sql("""
				insert into fulfillment.fulfillment (id, order_id, location_id, status, idempotency_key, created_by)
				values (?, ?, ?, 'created', ?, ?)""")
			.params(id, orderId, locationId, idempotencyKey, actor)
			.update();
		for (FulfillmentItem item : items) {
			jdbc.sql("insert into fulfillment.fulfillment_item (fulfillment_id, line_id, variant_id, quantity) values (?, ?, ?, ?)")
				.params(id, item.lineId(), item.variantId(), item.quantity())
				.update();
		}
	}

	public Optional<Fulfillment> find(String id) {
		return load(jdbc.sql("select * from fulfillment.fulfillment where id = ?").param(id).query(FulfillmentRows::row)
			.list()).stream().findFirst();
	}

	public Optional<Fulfillment> lock(String id) {
		return load(jdbc.sql("select * from fulfillment.fulfillment where id = ? for update").param(id)
			.query(FulfillmentRows::row).list()).stream().findFirst();
	}

	public Optional<Fulfillment> byIdempotencyKey(String orderId, String key) {
		return load(jdbc.sql("select * from fulfillment.fulfillment where order_id = ? and idempotency_key = ?")
			.params(orderId, key).query(FulfillmentRows::row).list()).stream().findFirst();
	}

	public List<Fulfillment> forOrder(String orderId) {
		return load(jdbc.sql("select * from fulfillment.fulfillment where order_id = ? order by created_at, id")
			.param(orderId).query(FulfillmentRows::row).list());
	}

	/** The fulfilment of a carrier shipment, or else of a tracking number (newest first). */
	public Optional<String> idByShipmentOrTracking(String shipmentId, String trackingNumber) {
		if (shipmentId != null) {
			Optional<String> id = jdbc.sql("""
					select id from fulfillment.fulfillment where shipment_id = ? order by created_at desc limit 1""")
				.param(shipmentId).query(String.class).optional();
			if (id.isPresent()) {
				return id;
			}
		}
		if (trackingNumber == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id from fulfillment.fulfillment where tracking_number = ? and status <> 'canceled'
				order by created_at desc limit 1""")
			.param(trackingNumber).query(String.class).optional();
	}

	public void setState(String id, FulfillmentState state) {
		String column = switch (state) {
			case SHIPPED -> "shipped_at";
			case DELIVERED -> "delivered_at";
			case CANCELED -> "canceled_at";
			case CREATED -> throw new IllegalArgumentException("A fulfilment is created only once");
		};
		jdbc.sql("update fulfillment.fulfillment set status = ?, " + column + " = now(), updated_at = now()"
				+ (state == FulfillmentState.DELIVERED ? ", shipped_at = coalesce(shipped_at, now())" : "")
				+ " where id = ?")
			.params(state.wire(), id)
			.update();
	}

	/** Sets the tracking parts that are given, keeping the others. */
	public void setTracking(String id, Tracking tracking) {
		jdbc.sql("""
				update fulfillment.fulfillment set tracking_number = coalesce(?, tracking_number),
				  carrier = coalesce(?, carrier), tracking_url = coalesce(?, tracking_url), updated_at = now()
				where id = ?""")
			.params(tracking.number(), tracking.carrier(), tracking.url(), id)
			.update();
	}

	/**
	 * Takes the right to buy a fulfilment's label until {@code until}: false while another process holds it or the
	 * label exists.
	 */
	public boolean claimLabel(String id, Instant until) {
		return jdbc.sql("""
				update fulfillment.fulfillment set label_claimed_until = ?
				where id = ? and label_url is null and status = 'created'
				  and (label_claimed_until is null or label_claimed_until < now())""")
			.params(Timestamp.from(until), id)
			.update() == 1;
	}

	public void releaseLabelClaim(String id) {
		jdbc.sql("update fulfillment.fulfillment set label_claimed_until = null where id = ?").param(id).update();
	}

	public void setShipment(String id, String shipmentId) {
		jdbc.sql("update fulfillment.fulfillment set shipment_id = ?, updated_at = now() where id = ? and shipment_id is null")
			.params(shipmentId, id)
			.update();
	}

	public void setLabel(String id, String providerId, String shipmentId, Tracking tracking, String service,
			String labelUrl, Money cost) {
		jdbc.sql("""
				update fulfillment.fulfillment set provider_id = ?, shipment_id = ?, tracking_number = ?, carrier = ?,
				  tracking_url = ?, service = ?, label_url = ?, shipping_cost = ?, shipping_currency = ?,
				  label_claimed_until = null, updated_at = now()
				where id = ?""")
			.params(providerId, shipmentId, tracking.number(), tracking.carrier(), tracking.url(), service, labelUrl,
					cost == null ? null : cost.amount(), cost == null ? null : cost.currencyCodeLower(), id)
			.update();
	}

	private List<Fulfillment> load(List<Fulfillment> bare) {
		if (bare.isEmpty()) {
			return bare;
		}
		Map<String, List<FulfillmentItem>> items = new HashMap<>();
		jdbc.sql("""
				select fulfillment_id, line_id, variant_id, quantity from fulfillment.fulfillment_item
				where fulfillment_id = any(?) order by fulfillment_id, line_id""")
			.param(bare.stream().map(Fulfillment::id).toArray(String[]::new))
			.query(rs -> {
				items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new FulfillmentItem(rs.getString(2), rs.getString(3), rs.getInt(4)));
			});
		return bare.stream().map(f -> new Fulfillment(f.id(), f.orderId(), f.locationId(), f.state(),
				items.getOrDefault(f.id(), List.of()), f.tracking(), f.service(), f.labelUrl(), f.providerId(),
				f.shipmentId(), f.labelCost(), f.createdBy(), f.createdAt(), f.shippedAt(), f.deliveredAt(),
				f.canceledAt())).toList();
	}

	private static Fulfillment row(ResultSet rs, int n) throws SQLException {
		BigDecimal cost = rs.getBigDecimal("shipping_cost");
		String tracking = rs.getString("tracking_number");
		String carrier = rs.getString("carrier");
		String url = rs.getString("tracking_url");
		return new Fulfillment(rs.getString("id"), rs.getString("order_id"), rs.getString("location_id"),
				FulfillmentState.find(rs.getString("status")).orElseThrow(), List.of(),
				tracking == null && carrier == null && url == null ? null : new Tracking(tracking, carrier, url),
				rs.getString("service"), rs.getString("label_url"), rs.getString("provider_id"),
				rs.getString("shipment_id"), cost == null ? null : Money.of(cost, rs.getString("shipping_currency")),
				rs.getString("created_by"), time(rs, "created_at"), time(rs, "shipped_at"), time(rs, "delivered_at"),
				time(rs, "canceled_at"));
	}

	private static Instant time(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
