package dev.loupe.promotion;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.promotion.internal.PromotionDraft;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes promotions, from bodies in the shape of Medusa's Admin API ({@code AdminCreatePromotion}, with
 * Loupe's {@code starts_at}, {@code ends_at}, {@code is_combinable}, {@code limit_per_customer} and
 * {@code minimum_subtotals}); every refusal is {@code invalid_data} naming the field, a taken code
 * {@code duplicate_error}.
 */
@Service
@Transactional
public class PromotionSetup {

	private final JdbcClient jdbc;
	private final Promotions promotions;

	PromotionSetup(JdbcClient jdbc, Promotions promotions) {
		this.jdbc = jdbc;
		this.promotions = promotions;
	}

	/** Creates a promotion (a draft unless the body says otherwise); returns its id. */
	public String create(Input body) {
		PromotionDraft draft = PromotionDraft.read(body);
		requireFreeCode(draft.code(), null);
		String id = Ids.next("promo");
		try {
			jdbc.sql("""
					insert into promotion.promotion (id, code, is_automatic, status, starts_at, ends_at, is_combinable,
					  is_tax_inclusive, usage_limit, limit_per_customer, method_id, method_type, target_type, allocation,
					  value, currency_code, max_quantity, method_description, metadata)
					values (:id, :code, :automatic, :status, :startsAt, :endsAt, :combinable, :taxInclusive, :limit,
					  :perCustomer, :methodId, :type, :target, :allocation, :value, :currency, :maxQuantity, :description,
					  cast(:metadata as jsonb))""")
				.params(columns(draft))
				.param("id", id)
				.param("methodId", Ids.next("proma"))
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw taken(draft.code());
		}
		writeRulesAndMinimums(id, draft);
		promotions.automaticChanged();
		return id;
	}

	/**
	 * Changes the fields present (inside {@code application_method} too); the result is checked as a whole, as on
	 * creation. {@code target_rules} and {@code minimum_subtotals}, when present, replace the old ones.
	 */
	public void update(String id, Input body) {
		Promotion current = promotions.find(id);
		body.allow(PromotionDraft.FIELDS);
		Map<String, Object> merged = PromotionDraft.body(current);
		for (String name : body.names()) {
			Object value = body.raw(name);
			if (name.equals("application_method") && value instanceof Map<?, ?> changes) {
				@SuppressWarnings("unchecked")
				Map<String, Object> method = new LinkedHashMap<>((Map<String, Object>) merged.get(name));
				changes.forEach((k, v) -> method.put(String.valueOf(k), v));
				merged.put(name, method);
			}
			else {
				merged.put(name, value);
			}
		}
		PromotionDraft draft = PromotionDraft.read(Input.of(merged));
		requireFreeCode(draft.code(), id);
		if (draft.limit() != null && draft.limit() < current.used()) {
			throw LoupeException.invalidData("limit must be at least " + current.used() + ", the number of times the"
					+ " promotion has been used");
		}
		try {
			jdbc.sql("""
					update promotion.promotion set code = :code, is_automatic = :automatic, status = :status,
					  starts_at = :startsAt, ends_at = :endsAt, is_combinable = :combinable, is_tax_inclusive = :taxInclusive,
					  usage_limit = :limit, limit_per_customer = :perCustomer, method_type = :type, target_type = :target,
					  allocation = :allocation, value = :value, currency_code = :currency, max_quantity = :maxQuantity,
					  method_description = :description, metadata = cast(:metadata as jsonb), updated_at = now()
					where id = :id""")
				.params(columns(draft))
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw taken(draft.code());
		}
		jdbc.sql("delete from promotion.target_rule where promotion_id = ?").params(id).update();
		jdbc.sql("delete from promotion.minimum_subtotal where promotion_id = ?").params(id).update();
		writeRulesAndMinimums(id, draft);
		promotions.automaticChanged();
	}

	/** Switches a promotion off: it no longer applies, and its code is refused as not active. */
	public void deactivate(String id) {
		promotions.find(id);
		jdbc.sql("update promotion.promotion set status = 'inactive', updated_at = now() where id = ?").params(id).update();
		promotions.automaticChanged();
	}

	/** Deletes a promotion; its code becomes free again, and orders that used it keep their adjustments. */
	public void delete(String id) {
		promotions.find(id);
		jdbc.sql("update promotion.promotion set deleted_at = now(), updated_at = now() where id = ?").params(id).update();
		promotions.automaticChanged();
	}

	/**
	 * The demo store's promotions: WELCOME10 (10 % off the order, combinable), FREESHIP (free shipping from a 50.00
	 * item subtotal in USD, EUR or GBP) and SAVE5 (5.00 USD off the items). No automatic promotion: a discount the
	 * shopper did not ask for would surprise whoever tries the demo.
	 */
	public void createDemoPromotions() {
		create(Input.of(Map.of("code", "WELCOME10", "status", "active", "is_combinable", true,
				"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10,
						"description", "10 % off your order"))));
		create(Input.of(Map.of("code", "FREESHIP", "status", "active",
				"minimum_subtotals", List.of(Map.of("currency_code", "usd", "amount", 50),
						Map.of("currency_code", "eur", "amount", 50), Map.of("currency_code", "gbp", "amount", 50)),
				"application_method", Map.of("type", "percentage", "target_type", "shipping_methods", "value", 100,
						"description", "Free shipping"))));
		create(Input.of(Map.of("code", "SAVE5", "status", "active",
				"application_method", Map.of("type", "fixed", "target_type", "items", "allocation", "across",
						"value", 5, "currency_code", "usd", "description", "5.00 USD off your items"))));
	}

	private void writeRulesAndMinimums(String id, PromotionDraft draft) {
		jdbc.sql("update promotion.promotion set customer_group_ids = ? where id = ?")
			.params(draft.customerGroupIds().isEmpty() ? null : draft.customerGroupIds().toArray(String[]::new), id)
			.update();
		int position = 0;
		for (TargetRule rule : draft.targetRules()) {
			jdbc.sql("""
					insert into promotion.target_rule (id, promotion_id, attribute, operator, rule_values, position)
					values (?, ?, ?, ?, ?, ?)""")
				.params(Ids.next("prorul"), id, rule.attribute(), rule.operator(), rule.values().toArray(String[]::new),
						position++)
				.update();
		}
		for (Money minimum : draft.minimumSubtotals()) {
			jdbc.sql("insert into promotion.minimum_subtotal (promotion_id, currency_code, amount) values (?, ?, ?)")
				.params(id, minimum.currencyCodeLower(), minimum.amount())
				.update();
		}
	}

	private void requireFreeCode(String code, String exceptId) {
		if (code == null) {
			return;
		}
		boolean taken = jdbc.sql("""
				select exists (select 1 from promotion.promotion
				  where code is not null and lower(code) = lower(?) and deleted_at is null and id <> ?)""")
			.params(code, exceptId == null ? "" : exceptId)
			.query(Boolean.class)
			.single();
		if (taken) {
			throw taken(code);
		}
	}

	private static LoupeException taken(String code) {
		return LoupeException.duplicate("A promotion with the code " + code + " already exists");
	}

	private static Map<String, Object> columns(PromotionDraft d) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("code", d.code());
		c.put("automatic", d.automatic());
		c.put("status", d.status().code());
		c.put("startsAt", timestamp(d.startsAt()));
		c.put("endsAt", timestamp(d.endsAt()));
		c.put("combinable", d.combinable());
		c.put("taxInclusive", d.taxInclusive());
		c.put("limit", d.limit());
		c.put("perCustomer", d.limitPerCustomer());
		c.put("type", d.type().code());
		c.put("target", d.target().code());
		c.put("allocation", d.allocation().code());
		c.put("value", d.value());
		c.put("currency", d.currency() == null ? null : d.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
		c.put("maxQuantity", d.maxQuantity());
		c.put("description", d.description());
		c.put("metadata", Json.write(d.metadata()));
		return c;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
