package dev.loupe.pricing;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price lists as staff manage them: sales and overrides with a status and an optional start and end, and their
 * prices. Every change publishes {@link PricesChanged}, so no cached price outlives the commit.
 */
@Service
@Transactional
public class PriceLists {

	public static final Set<String> FIELDS = Set.of("title", "description", "type", "status", "starts_at", "ends_at");
	private static final Set<String> TYPES = Set.of("sale", "override");
	private static final Set<String> STATUSES = Set.of("active", "draft");

	private final JdbcTemplate jdbc;
	private final PriceSetup setup;
	private final ApplicationEventPublisher events;

	PriceLists(JdbcTemplate jdbc, PriceSetup setup, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.setup = setup;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public PriceList find(String id) {
		List<PriceList> found = jdbc.query("select * from pricing.price_list where id = ? and deleted_at is null",
				(rs, n) -> map(rs, prices(id)), id);
		if (found.isEmpty()) {
			throw LoupeException.notFound("Price list", id);
		}
		return found.getFirst();
	}

	/** Live price lists, newest first, with their prices. */
	@Transactional(readOnly = true)
	public List<PriceList> list(int limit, int offset) {
		List<String> ids = jdbc.queryForList("""
				select id from pricing.price_list where deleted_at is null order by created_at desc, id desc
				limit ? offset ?""", String.class, limit, offset);
		return ids.stream().map(this::find).toList();
	}

	@Transactional(readOnly = true)
	public long count() {
		Long n = jdbc.queryForObject("select count(*) from pricing.price_list where deleted_at is null", Long.class);
		return n == null ? 0 : n;
	}

	/** Creates a price list (a draft sale unless the body says otherwise) with these prices; returns its id. */
	public String create(Input body, List<PriceDraft> prices) {
		body.allow(FIELDS);
		String title = body.requiredText("title", 500);
		String type = oneOf(body, "type", TYPES, "sale");
		String status = oneOf(body, "status", STATUSES, "draft");
		Instant startsAt = body.instant("starts_at");
		Instant endsAt = body.instant("ends_at");
		requireOrder(startsAt, endsAt);
		String id = Ids.next("plist");
		jdbc.update("""
				insert into pricing.price_list (id, title, description, type, status, starts_at, ends_at)
				values (?, ?, ?, ?, ?, ?, ?)""", id, title, orEmpty(body.text("description", 20_000)), type, status,
				timestamp(startsAt), timestamp(endsAt));
		setup.addToPriceList(id, prices);
		events.publishEvent(PricesChanged.all());
		return id;
	}

	/** Updates the fields present; {@code null} clears a start or an end. */
	public void update(String id, Input body) {
		PriceList current = find(id);
		body.allow(FIELDS);
		Map<String, Object> set = new LinkedHashMap<>();
		if (body.has("title")) {
			set.put("title", body.requiredText("title", 500));
		}
		if (body.has("description")) {
			set.put("description", orEmpty(body.text("description", 20_000)));
		}
		if (body.has("type")) {
			set.put("type", oneOf(body, "type", TYPES, null));
		}
		if (body.has("status")) {
			set.put("status", oneOf(body, "status", STATUSES, null));
		}
		Instant startsAt = body.has("starts_at") ? body.instant("starts_at") : current.startsAt();
		Instant endsAt = body.has("ends_at") ? body.instant("ends_at") : current.endsAt();
		requireOrder(startsAt, endsAt);
		set.put("starts_at", timestamp(startsAt));
		set.put("ends_at", timestamp(endsAt));
		StringBuilder sql = new StringBuilder("update pricing.price_list set updated_at = now()");
		List<Object> args = new ArrayList<>();
		set.forEach((column, value) -> {
			sql.append(", ").append(column).append(" = ?");
			args.add(value);
		});
		args.add(id);
		jdbc.update(sql.append(" where id = ?").toString(), args.toArray());
		events.publishEvent(PricesChanged.all());
	}

	/** Deletes a price list and its prices; the base prices apply again at once. */
	public void delete(String id) {
		find(id);
		jdbc.update("update pricing.price set deleted_at = now() where price_list_id = ? and deleted_at is null", id);
		jdbc.update("update pricing.price_list set deleted_at = now(), updated_at = now() where id = ?", id);
		events.publishEvent(PricesChanged.all());
	}

	/** Adds prices to a list and removes others (by price id); returns the ids of the added prices. */
	public List<String> changePrices(String id, List<PriceDraft> add, List<String> remove) {
		find(id);
		for (String priceId : remove) {
			int removed = jdbc.update("""
					update pricing.price set deleted_at = now() where id = ? and price_list_id = ? and deleted_at is null""",
					priceId, id);
			if (removed == 0) {
				throw LoupeException.notFound("Price", priceId);
			}
		}
		List<String> added = setup.addToPriceList(id, add);
		events.publishEvent(PricesChanged.all());
		return added;
	}

	private List<VariantPrice> prices(String priceListId) {
		return jdbc.query("""
				select id, variant_id, currency_code, region_id, amount from pricing.price
				where price_list_id = ? and deleted_at is null order by variant_id, currency_code, region_id nulls first""",
				(rs, n) -> new VariantPrice(rs.getString("id"), rs.getString("variant_id"),
						Money.of(rs.getBigDecimal("amount"), rs.getString("currency_code")), rs.getString("region_id")),
				priceListId);
	}

	private static PriceList map(ResultSet rs, List<VariantPrice> prices) throws SQLException {
		return new PriceList(rs.getString("id"), rs.getString("title"), rs.getString("description"),
				rs.getString("type"), rs.getString("status"), instant(rs, "starts_at"), instant(rs, "ends_at"),
				instant(rs, "created_at"), instant(rs, "updated_at"), prices);
	}

	private static String oneOf(Input body, String field, Set<String> allowed, String fallback) {
		String value = body.text(field, 40);
		if (value == null) {
			if (fallback == null) {
				throw body.invalid(field, "must be one of " + allowed.stream().sorted().toList());
			}
			return fallback;
		}
		if (!allowed.contains(value)) {
			throw body.invalid(field, "must be one of " + allowed.stream().sorted().toList());
		}
		return value;
	}

	private static void requireOrder(Instant startsAt, Instant endsAt) {
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw LoupeException.invalidData("ends_at must be after starts_at");
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}
}
