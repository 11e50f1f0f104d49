package dev.loupe.promotion;

import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.platform.ReferenceCache;
import dev.loupe.promotion.internal.PromotionRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The promotions a cart may use (codes a shopper entered, automatic ones) and their usage: recording it when an
 * order is placed, so that no limit is ever exceeded even by concurrent orders, and giving it back when the order is
 * undone.
 */
@Service
public class Promotions {

	private final ReferenceCache<String, List<Promotion>> activeAutomatic =
			new ReferenceCache<>(java.time.Duration.ofSeconds(5), 1);

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final JdbcClient jdbc;
	private final PromotionRows rows;

	Promotions(JdbcClient jdbc, PromotionRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** How often a promotion has been used, by how many customers, and when last. */
	@Transactional(readOnly = true)
	public PromotionUsage usage(String promotionId) {
		return jdbc.sql("""
				select count(*) as times, count(distinct customer_key) as customers, max(created_at) as last_used
				from promotion.usage where promotion_id = ?""")
			.param(promotionId)
			.query((rs, n) -> new PromotionUsage(rs.getLong("times"), rs.getLong("customers"),
					rs.getTimestamp("last_used") == null ? null : rs.getTimestamp("last_used").toInstant()))
			.single();
	}

	/** The key under which per-customer limits count: the customer's id, or the e-mail address of a guest. */
	public static String customerKey(String customerId, String email) {
		if (customerId != null && !customerId.isBlank()) {
			return "customer:" + customerId;
		}
		if (email != null && !email.isBlank()) {
			return "email:" + email.strip().toLowerCase(Locale.ROOT);
		}
		return null;
	}

	/**
	 * Of these promotions (by id, in this order), the ones that can still discount a cart now in this currency: live,
	 * not used up, available in the currency. Unlike {@link #forCodes} it refuses nothing: a cart reads with the
	 * promotions that still apply.
	 */
	@Transactional(readOnly = true)
	public List<Promotion> usable(List<String> promotionIds, Instant now, Currency currency) {
		if (promotionIds.isEmpty()) {
			return List.of();
		}
		Map<String, Promotion> found = new java.util.HashMap<>();
		rows.select("p.id = any(:ids)", Map.of("ids", promotionIds.toArray(String[]::new)))
			.forEach(p -> found.put(p.id(), p));
		return promotionIds.stream()
			.map(found::get)
			.filter(p -> p != null && p.liveAt(now) && !p.usedUp() && p.availableIn(currency))
			.toList();
	}

	/** A live promotion by id. */
	@Transactional(readOnly = true)
	public Promotion find(String id) {
		List<Promotion> found = rows.select("p.id = :id", Map.of("id", id == null ? "" : id));
		if (found.isEmpty()) {
			throw LoupeException.notFound("Promotion", id);
		}
		return found.getFirst();
	}

	/** Live promotions, newest first, whose code contains {@code q} and (when given) is one of {@code codes}. */
	@Transactional(readOnly = true)
	public List<Promotion> list(String q, List<String> codes, int limit, int offset) {
		Map<String, Object> params = filterParams(q, codes);
		params.put("limit", limit);
		params.put("offset", offset);
		return rows.select(filter(q, codes) + " order by p.created_at desc, p.id desc limit :limit offset :offset", params);
	}

	/** How many live promotions {@link #list} filters in. */
	@Transactional(readOnly = true)
	public long count(String q, List<String> codes) {
		return jdbc.sql("select count(*) from promotion.promotion p where p.deleted_at is null and " + filter(q, codes))
			.params(filterParams(q, codes))
			.query(Long.class)
			.single();
	}

	private static String filter(String q, List<String> codes) {
		return "true" + (q == null || q.isBlank() ? "" : " and p.code ilike :pattern escape '\\'")
				+ (codes == null || codes.isEmpty() ? "" : " and p.code is not null and lower(p.code) = any(:codes)");
	}

	private static Map<String, Object> filterParams(String q, List<String> codes) {
		Map<String, Object> params = new LinkedHashMap<>();
		if (q != null && !q.isBlank()) {
			params.put("pattern", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (codes != null && !codes.isEmpty()) {
			params.put("codes", codes.stream().map(c -> c.toLowerCase(Locale.ROOT)).toArray(String[]::new));
		}
		return params;
	}

	/**
	 * The promotions of these codes (case-insensitive), in the order given, each usable now in this currency; refuses
	 * the first that is not: unknown, not active, not started, expired, used up, not available in the currency, or
	 * not combinable while other codes are given.
	 */
	@Transactional(readOnly = true)
	public List<Promotion> forCodes(Collection<String> codes, Instant now, Currency currency) {
		return forCodes(codes, now, currency, List.of());
	}

	/**
	 * As {@link #forCodes(Collection, Instant, Currency)}, for a shopper in these customer groups (none for a guest):
	 * a code limited to groups the shopper is not in is refused too.
	 */
	@Transactional(readOnly = true)
	public List<Promotion> forCodes(Collection<String> codes, Instant now, Currency currency,
			List<String> customerGroupIds) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String code : codes) {
			String stripped = code == null ? "" : code.strip();
			if (!CODE.matcher(stripped).matches()) {
				throw LoupeException.invalidData("The promotion code " + printable(stripped) + " is invalid");
			}
			given.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
		}
		if (given.isEmpty()) {
			return List.of();
		}
		Map<String, Promotion> byCode = new LinkedHashMap<>();
		for (Promotion p : rows.select("p.code is not null and lower(p.code) = any(:codes)",
				Map.of("codes", given.keySet().toArray(String[]::new)))) {
			byCode.put(p.code().toLowerCase(Locale.ROOT), p);
		}
		List<Promotion> found = new ArrayList<>();
		for (Map.Entry<String, String> code : given.entrySet()) {
			Promotion p = byCode.get(code.getKey());
			if (p == null) {
				throw LoupeException.invalidData("The promotion code " + code.getValue() + " is invalid");
			}
			requireUsable(p, now, currency);
			if (!p.openTo(customerGroupIds)) {
				throw LoupeException.notAllowed("The promotion code " + p.code()
						+ " is only for customers in certain customer groups");
			}
			found.add(p);
		}
		if (found.size() > 1) {
			for (Promotion p : found) {
				if (!p.combinable()) {
					throw LoupeException.notAllowed("The promotion code " + p.code()
							+ " cannot be combined with other promotion codes");
				}
			}
		}
		return found;
	}

	/**
	 * The active automatic promotions usable now in this currency, oldest first (the order they apply in). Every cart
	 * change asks for them, so the active ones are kept for 5 seconds (cleared at once by {@link PromotionSetup}'s
	 * changes); their dates, usage and currency are checked on each call. Another instance's change, or a limit
	 * reached meanwhile, shows within those seconds — the order's usage is recorded under the limit regardless.
	 */
	@Transactional(readOnly = true)
	public List<Promotion> automatic(Instant now, Currency currency) {
		return activeAutomatic.get("active", k -> rows.select("p.is_automatic and p.status = 'active' order by p.created_at, p.id",
				Map.of()))
			.stream()
			.filter(p -> p.liveAt(now) && !p.usedUp() && p.availableIn(currency))
			.toList();
	}

	/** Forgets the cached automatic promotions after a change (now and once the change commits). */
	void automaticChanged() {
		activeAutomatic.changed();
	}

	/**
	 * Refuses, with {@code not_allowed}, when this customer has used one of these promotions as often as its
	 * per-customer limit allows. A null key (a guest without an e-mail yet) is not checked here; recording the order's
	 * usage checks it again for certain.
	 */
	@Transactional(readOnly = true)
	public void checkCustomerLimit(List<Promotion> promotions, String customerKey) {
		if (customerKey == null) {
			return;
		}
		for (Promotion p : promotions) {
			if (p.limitPerCustomer() != null && usesBy(p.id(), customerKey) >= p.limitPerCustomer()) {
				throw usedUpForCustomer(p);
			}
		}
	}

	/**
	 * Records that an order used these promotions, inside the transaction that places the order. Each promotion's row
	 * is locked (in id order, so two orders cannot deadlock) and its counter raised only while under the limit, so
	 * concurrent orders can never exceed a total or per-customer limit; a limit reached is {@code not_allowed} and
	 * rolls the order back. Recording the same order again changes nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordUsage(String orderId, List<String> promotionIds, String customerKey) {
		if (orderId == null || orderId.isBlank()) {
			throw new IllegalArgumentException("orderId is required");
		}
		for (String id : promotionIds.stream().distinct().sorted().toList()) {
			List<Promotion> locked = rows.select("p.id = :id for update", Map.of("id", id));
			if (locked.isEmpty()) {
				throw LoupeException.notAllowed("The promotion " + id + " no longer exists");
			}
			Promotion p = locked.getFirst();
			boolean recorded = jdbc.sql("select exists (select 1 from promotion.usage where promotion_id = ? and order_id = ?)")
				.params(id, orderId)
				.query(Boolean.class)
				.single();
			if (recorded) {
				continue;
			}
			if (p.limitPerCustomer() != null && customerKey != null && usesBy(id, customerKey) >= p.limitPerCustomer()) {
				throw usedUpForCustomer(p);
			}
			int raised = jdbc.sql("""
					update promotion.promotion set used = used + 1
					where id = ? and (usage_limit is null or used < usage_limit)""")
				.params(id)
				.update();
			if (raised == 0) {
				throw LoupeException.notAllowed("The promotion code " + p.name() + " has been used up");
			}
			jdbc.sql("insert into promotion.usage (promotion_id, order_id, customer_key) values (?, ?, ?)")
				.params(id, orderId, customerKey)
				.update();
		}
	}

	/** Gives back the usage of an order (cancelled, or its placing undone); releasing it twice changes nothing. */
	@Transactional
	public void releaseUsage(String orderId) {
		List<String> released = jdbc.sql("delete from promotion.usage where order_id = ? returning promotion_id")
			.params(orderId)
			.query(String.class)
			.list();
		for (String id : released) {
			jdbc.sql("update promotion.promotion set used = greatest(used - 1, 0) where id = ?").params(id).update();
		}
	}

	private void requireUsable(Promotion p, Instant now, Currency currency) {
		if (p.status() != PromotionStatus.ACTIVE) {
			throw LoupeException.invalidData("The promotion code " + p.code() + " is not active");
		}
		if (p.startsAt() != null && now.isBefore(p.startsAt())) {
			throw LoupeException.invalidData("The promotion code " + p.code() + " is not valid yet");
		}
		if (p.endsAt() != null && !now.isBefore(p.endsAt())) {
			throw LoupeException.invalidData("The promotion code " + p.code() + " has expired");
		}
		if (p.usedUp()) {
			throw LoupeException.notAllowed("The promotion code " + p.code() + " has been used up");
		}
		if (!p.availableIn(currency)) {
			List<String> currencies = p.method().type() == ApplicationMethod.Type.FIXED
					? List.of(p.method().currency().getCurrencyCode())
					: p.minimumSubtotals().stream().map(Money::currencyCode).toList();
			throw LoupeException.invalidData("The promotion code " + p.code() + " cannot be used in "
					+ currency.getCurrencyCode() + ", only in " + String.join(", ", currencies));
		}
	}

	private long usesBy(String promotionId, String customerKey) {
		return jdbc.sql("select count(*) from promotion.usage where promotion_id = ? and customer_key = ?")
			.params(promotionId, customerKey)
			.query(Long.class)
			.single();
	}

	private static LoupeException usedUpForCustomer(Promotion p) {
		return LoupeException.notAllowed("The promotion code " + p.name() + " has been used up for this customer");
	}

	private static String printable(String code) {
		String clean = code.replaceAll("[\\p{Cntrl}]", "?");
		return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
	}
}
