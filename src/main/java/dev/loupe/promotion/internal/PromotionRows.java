package dev.loupe.promotion.internal;

import dev.loupe.platform.Json;
import dev.loupe.platform.Money;
import dev.loupe.promotion.ApplicationMethod;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionStatus;
import dev.loupe.promotion.TargetRule;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads promotions with their target rules and minimum subtotals: one query per table, whatever the number. */
@Component
public class PromotionRows {

	private final JdbcClient jdbc;

	PromotionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Live promotions matching a where clause over {@code p} (the promotion table), in the order it gives. */
	public List<Promotion> select(String whereAndOrder, Map<String, ?> params) {
		List<Row> rows = jdbc.sql("select p.* from promotion.promotion p where p.deleted_at is null and " + whereAndOrder)
			.params(params)
			.query(PromotionRows::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		String[] ids = rows.stream().map(r -> r.id).toArray(String[]::new);
		Map<String, List<TargetRule>> rules = new HashMap<>();
		jdbc.sql("""
				select id, promotion_id, attribute, operator, rule_values from promotion.target_rule
				where promotion_id = any(:ids) order by promotion_id, position""")
			.param("ids", ids)
			.query(rs -> {
				rules.computeIfAbsent(rs.getString("promotion_id"), k -> new ArrayList<>())
					.add(new TargetRule(rs.getString("id"), rs.getString("attribute"), rs.getString("operator"),
							strings(rs.getArray("rule_values"))));
			});
		Map<String, List<Money>> minimums = new HashMap<>();
		jdbc.sql("""
				select promotion_id, currency_code, amount from promotion.minimum_subtotal
				where promotion_id = any(:ids) order by promotion_id, currency_code""")
			.param("ids", ids)
			.query(rs -> {
				minimums.computeIfAbsent(rs.getString("promotion_id"), k -> new ArrayList<>())
					.add(Money.of(rs.getBigDecimal("amount"), rs.getString("currency_code")));
			});
		return rows.stream()
			.map(r -> r.promotion(rules.getOrDefault(r.id, List.of()), minimums.getOrDefault(r.id, List.of())))
			.toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String currency = rs.getString("currency_code");
		ApplicationMethod method = new ApplicationMethod(rs.getString("method_id"),
				ApplicationMethod.Type.valueOf(upper(rs.getString("method_type"))),
				ApplicationMethod.Target.valueOf(upper(rs.getString("target_type"))),
				ApplicationMethod.Allocation.valueOf(upper(rs.getString("allocation"))),
				rs.getBigDecimal("value").stripTrailingZeros(), currency == null ? null : Money.currency(currency),
				(Integer) rs.getObject("max_quantity"), rs.getString("method_description"));
		return new Row(rs.getString("id"), rs.getString("code"), rs.getBoolean("is_automatic"),
				PromotionStatus.valueOf(upper(rs.getString("status"))), instant(rs, "starts_at"), instant(rs, "ends_at"),
				method, rs.getBoolean("is_combinable"), rs.getBoolean("is_tax_inclusive"),
				(Integer) rs.getObject("usage_limit"), rs.getInt("used"), (Integer) rs.getObject("limit_per_customer"),
				Json.map(rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getArray("customer_group_ids") == null ? List.of() : strings(rs.getArray("customer_group_ids")));
	}

	private static String upper(String code) {
		return code.toUpperCase(Locale.ROOT);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private record Row(String id, String code, boolean automatic, PromotionStatus status, Instant startsAt,
			Instant endsAt, ApplicationMethod method, boolean combinable, boolean taxInclusive, Integer limit, int used,
			Integer limitPerCustomer, Map<String, Object> metadata, Instant createdAt, Instant updatedAt,
			List<String> customerGroupIds) {

		Promotion promotion(List<TargetRule> rules, List<Money> minimums) {
			return new Promotion(id, code, automatic, status, startsAt, endsAt, method, rules, minimums, combinable,
					taxInclusive, limit, used, limitPerCustomer, metadata, createdAt, updatedAt, customerGroupIds);
		}
	}
}
