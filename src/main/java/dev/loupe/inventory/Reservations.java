package dev.loupe.inventory;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations of stock for orders. Every change locks the inventory levels it touches, always in the order
 * (variant, location), so concurrent checkouts wait for each other instead of deadlocking, and the table's check
 * {@code reserved_quantity <= stocked_quantity} is a second guard: stock can never be promised twice. Each change
 * writes its rows in the movement ledger.
 */
@Service
public class Reservations {

	private final JdbcClient jdbc;

	Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reserves every demand for {@code reference}, in the caller's transaction, all or nothing. A variant short of
	 * stock (and not allowed on backorder) is {@code not_allowed} naming the variants and what is available. Reserving
	 * a reference that already holds reservations changes nothing and returns them (a retried checkout).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Reservation> reserve(String reference, List<StockDemand> demands) {
		List<Reservation> existing = forReference(reference);
		if (!existing.isEmpty() || demands.isEmpty()) {
			return existing;
		}
		Map<String, StockDemand> byVariant = new TreeMap<>();
		for (StockDemand d : demands) {
			byVariant.merge(d.variantId(), d, (a, b) -> new StockDemand(a.variantId(), a.quantity() + b.quantity(),
					a.allowBackorder() && b.allowBackorder()));
		}
		Map<String, List<Level>> levels = lockLevels(List.copyOf(byVariant.keySet()));
		List<Reservation> taken = new ArrayList<>();
		List<String> short_ = new ArrayList<>();
		for (StockDemand demand : byVariant.values()) {
			List<Level> at = levels.getOrDefault(demand.variantId(), List.of());
			int available = at.stream().mapToInt(Level::available).sum();
			if (available < demand.quantity() && !demand.allowBackorder()) {
				short_.add(demand.variantId() + " (" + demand.quantity() + " requested, " + available + " available)");
				continue;
			}
			int wanted = Math.min(demand.quantity(), available);
			// The location with the most available first: fewer split shipments.
			for (Level level : at.stream().sorted((a, b) -> Integer.compare(b.available(), a.available())).toList()) {
				if (wanted == 0) {
					break;
				}
				int take = Math.min(wanted, level.available());
				if (take > 0) {
					taken.add(new Reservation(Ids.next("resitem"), reference, demand.variantId(), level.locationId(), take,
							java.time.Instant.now()));
					wanted -= take;
				}
			}
		}
		if (!short_.isEmpty()) {
			throw LoupeException.notAllowed("Some variants do not have the required inventory: " + String.join(", ", short_));
		}
		if (!taken.isEmpty()) {
			// One statement each for the levels, the reservations and the ledger, whatever the number of lines.
			String[] variants = taken.stream().map(Reservation::variantId).toArray(String[]::new);
			String[] locations = taken.stream().map(Reservation::locationId).toArray(String[]::new);
			Integer[] quantities = taken.stream().map(Reservation::quantity).toArray(Integer[]::new);
			jdbc.sql("""
					update inventory.inventory_level l
					set reserved_quantity = l.reserved_quantity + t.q, updated_at = now()
					from unnest(cast(:v as text[]), cast(:l as text[]), cast(:q as int[])) as t(v, l, q)
					where l.variant_id = t.v and l.location_id = t.l""")
				.param("v", variants).param("l", locations).param("q", quantities).update();
			jdbc.sql("""
					insert into inventory.reservation (id, reference, variant_id, location_id, quantity)
					select t.id, :ref, t.v, t.l, t.q
					from unnest(cast(:id as text[]), cast(:v as text[]), cast(:l as text[]), cast(:q as int[])) as t(id, v, l, q)""")
				.param("id", taken.stream().map(Reservation::id).toArray(String[]::new)).param("ref", reference)
				.param("v", variants).param("l", locations).param("q", quantities).update();
			jdbc.sql("""
					insert into inventory.movement (variant_id, location_id, kind, stocked_delta, reserved_delta, reference)
					select t.v, t.l, 'reserved', 0, t.q, :ref
					from unnest(cast(:v as text[]), cast(:l as text[]), cast(:q as int[])) as t(v, l, q)""")
				.param("ref", reference).param("v", variants).param("l", locations).param("q", quantities).update();
		}
		return taken;
	}

	/** Gives back every reservation of {@code reference} (a failed checkout, a canceled order); idempotent. */
	@Transactional
	public void release(String reference, String reason) {
		List<Reservation> held = forReference(reference);
		if (held.isEmpty()) {
			return;
		}
		lockLevels(held.stream().map(Reservation::variantId).distinct().sorted().toList());
		for (Reservation r : held) {
			int deleted = jdbc.sql("delete from inventory.reservation where id = :id").param("id", r.id()).update();
			if (deleted == 0) {
				continue; // released by a concurrent call
			}
			jdbc.sql("""
					update inventory.inventory_level set reserved_quantity = reserved_quantity - :q, updated_at = now()
					where variant_id = :v and location_id = :l""")
				.param("q", r.quantity()).param("v", r.variantId()).param("l", r.locationId()).update();
			ledger(r.variantId(), r.locationId(), "released", 0, -r.quantity(), reference, reason, null);
		}
	}

	/**
	 * Takes {@code quantity} of a variant out of {@code locationId} for {@code reference} (an order's goods leave
	 * the warehouse): first from the reference's reservations at that location (reserved and stocked both go down),
	 * then, for the rest, from the location's unreserved stock, releasing as many of the reference's reservations
	 * held elsewhere (they are no longer needed). Written in the ledger as {@code fulfilled}. A variant not stocked
	 * anywhere (inventory not managed) is left alone; one not stocked enough at the location is {@code not_allowed}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void fulfil(String reference, String variantId, String locationId, int quantity, String actor) {
		if (quantity <= 0) {
			throw new IllegalArgumentException("A fulfilled quantity must be positive: " + quantity);
		}
		Map<String, List<Level>> levels = lockLevels(List.of(variantId));
		List<Level> at = levels.getOrDefault(variantId, List.of());
		if (at.isEmpty()) {
			return;
		}
		Level here = at.stream().filter(l -> l.locationId().equals(locationId)).findFirst()
			.orElseThrow(() -> LoupeException.notAllowed("Variant " + variantId + " is not stocked at location "
					+ locationId));
		List<Reservation> held = forReference(reference).stream().filter(r -> r.variantId().equals(variantId)).toList();
		int left = quantity;
		for (Reservation r : held.stream().filter(r -> r.locationId().equals(locationId)).toList()) {
			int take = Math.min(left, r.quantity());
			if (take == 0) {
				break;
			}
			shrink(r, take);
			level(variantId, locationId, -take, -take);
			ledger(variantId, locationId, "fulfilled", -take, -take, reference, null, actor);
			left -= take;
		}
		if (left == 0) {
			return;
		}
		if (here.available() < left) {
			throw LoupeException.notAllowed("Location " + locationId + " has " + here.available()
					+ " unreserved of variant " + variantId + ", " + left + " more are needed");
		}
		level(variantId, locationId, -left, 0);
		ledger(variantId, locationId, "fulfilled", -left, 0, reference, null, actor);
		int moved = left;
		for (Reservation r : held.stream().filter(r -> !r.locationId().equals(locationId)).toList()) {
			int take = Math.min(moved, r.quantity());
			if (take == 0) {
				break;
			}
			shrink(r, take);
			level(variantId, r.locationId(), 0, -take);
			ledger(variantId, r.locationId(), "released", 0, -take, reference, "fulfilled from " + locationId, actor);
			moved -= take;
		}
	}

	private void shrink(Reservation r, int by) {
		if (by == r.quantity()) {
			jdbc.sql("delete from inventory.reservation where id = :id").param("id", r.id()).update();
		}
		else {
			jdbc.sql("update inventory.reservation set quantity = quantity - :q where id = :id").param("q", by)
				.param("id", r.id()).update();
		}
	}

	private void level(String variantId, String locationId, int stockedDelta, int reservedDelta) {
		jdbc.sql("""
				update inventory.inventory_level set stocked_quantity = stocked_quantity + :s,
				  reserved_quantity = reserved_quantity + :r, updated_at = now()
				where variant_id = :v and location_id = :l""")
			.param("s", stockedDelta).param("r", reservedDelta).param("v", variantId).param("l", locationId).update();
	}

	/** Whether a live stock location has this id. */
	@Transactional(readOnly = true)
	public boolean locationExists(String locationId) {
		return locationId != null && locationId.length() <= 100 && jdbc.sql(
				"select exists (select 1 from inventory.stock_location where id = :id and deleted_at is null)")
			.param("id", locationId).query(Boolean.class).single();
	}

	/** The reservations held for a reference. */
	@Transactional(readOnly = true)
	public List<Reservation> forReference(String reference) {
		return jdbc.sql("""
				select id, reference, variant_id, location_id, quantity, created_at from inventory.reservation
				where reference = :ref order by variant_id, location_id""")
			.param("ref", reference)
			.query((rs, n) -> new Reservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The open reservations of a variant, oldest first. */
	@Transactional(readOnly = true)
	public List<Reservation> forVariant(String variantId, int limit) {
		return jdbc.sql("""
				select id, reference, variant_id, location_id, quantity, created_at from inventory.reservation
				where variant_id = :v order by created_at, id limit :limit""")
			.param("v", variantId).param("limit", limit)
			.query(Reservations::reservation)
			.list();
	}

	/** A page of every open reservation in the store, newest first. */
	@Transactional(readOnly = true)
	public List<Reservation> open(int limit, int offset) {
		return jdbc.sql("""
				select id, reference, variant_id, location_id, quantity, created_at from inventory.reservation
				order by created_at desc, id desc limit :limit offset :offset""")
			.param("limit", limit).param("offset", offset)
			.query(Reservations::reservation)
			.list();
	}

	/** How many reservations are open, and how many units they hold. */
	@Transactional(readOnly = true)
	public Totals openTotals() {
		return jdbc.sql("select count(*), coalesce(sum(quantity), 0) from inventory.reservation")
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2))).single();
	}

	/** How many reservations are open and the units they hold. */
	public record Totals(long reservations, long units) {
	}

	private static Reservation reservation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Reservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getTimestamp(6).toInstant());
	}

	/** The levels of these variants (sorted ids), locked for update in (variant, location) order. */
	private Map<String, List<Level>> lockLevels(List<String> sortedVariantIds) {
		Map<String, List<Level>> levels = new LinkedHashMap<>();
		jdbc.sql("""
				select variant_id, location_id, stocked_quantity - reserved_quantity from inventory.inventory_level
				where variant_id = any(:ids) order by variant_id, location_id for update""")
			.param("ids", sortedVariantIds.toArray(String[]::new))
			.query((rs, n) -> new Level(rs.getString(1), rs.getString(2), Math.max(0, rs.getInt(3))))
			.list()
			.forEach(l -> levels.computeIfAbsent(l.variantId(), k -> new ArrayList<>()).add(l));
		return levels;
	}

	void ledger(String variantId, String locationId, String kind, int stockedDelta, int reservedDelta, String reference,
			String reason, String actor) {
		jdbc.sql("""
				insert into inventory.movement (variant_id, location_id, kind, stocked_delta, reserved_delta, reference, reason, actor)
				values (:v, :l, :k, :s, :r, :ref, :reason, :actor)""")
			.param("v", variantId).param("l", locationId).param("k", kind).param("s", stockedDelta)
			.param("r", reservedDelta).param("ref", reference).param("reason", reason).param("actor", actor)
			.update();
	}

	private record Level(String variantId, String locationId, int available) {
	}
}
