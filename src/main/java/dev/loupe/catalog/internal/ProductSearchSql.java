package dev.loupe.catalog.internal;

import dev.loupe.catalog.ProductFilter;
import dev.loupe.catalog.VariantFilter;
import dev.loupe.platform.SqlExpression;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The WHERE clause shared by listing, counting and facets. Search combines full-text search (stemmed words,
 * ranked) with trigram word similarity, so that "sensr" still finds "sensor"; both are served by GIN indexes.
 */
public final class ProductSearchSql {

	/** Ranks word matches by full-text rank, typo matches by similarity. */
	public static final String RANK = "(ts_rank(p.search_vector, websearch_to_tsquery('english', :q))"
			+ " + word_similarity(:q, p.search_text))";

	/**
	 * Whether the products the filter can see include the words of its query; only when they do not are similar
	 * words (typos) searched. Without a query: true.
	 */
	public static boolean matchesWords(NamedParameterJdbcTemplate jdbc, ProductFilter filter) {
		if (filter.query() == null) {
			return true;
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = "select exists (select 1 from catalog.product p where " + where(filter, true, params) + ")";
		return Boolean.TRUE.equals(jdbc.queryForObject(sql, params, Boolean.class));
	}

	private ProductSearchSql() {
	}

	/**
	 * The conditions of a filter; with {@code words} a search matches words (stemmed), else it matches similar
	 * words, which is slower and only worth it when the words themselves find nothing.
	 */
	public static String where(ProductFilter f, boolean words, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder("p.deleted_at is null and p.status = 'published'");
		sql.append(" and exists (select 1 from catalog.product_sales_channel psc where psc.product_id = p.id"
				+ " and psc.sales_channel_id = any(:channels))");
		params.addValue("channels", f.salesChannelIds().toArray(String[]::new));
		if (!f.ids().isEmpty()) {
			sql.append(" and p.id = any(:ids)");
			params.addValue("ids", f.ids().toArray(String[]::new));
		}
		if (f.handle() != null) {
			sql.append(" and p.handle = :handle");
			params.addValue("handle", f.handle());
		}
		if (!f.collectionIds().isEmpty()) {
			sql.append(" and p.collection_id = any(:collections)");
			params.addValue("collections", f.collectionIds().toArray(String[]::new));
		}
		if (!f.typeIds().isEmpty()) {
			sql.append(" and p.type_id = any(:types)");
			params.addValue("types", f.typeIds().toArray(String[]::new));
		}
		if (!f.tagIds().isEmpty()) {
			sql.append(" and exists (select 1 from catalog.product_tags t where t.product_id = p.id and t.tag_id = any(:tags))");
			params.addValue("tags", f.tagIds().toArray(String[]::new));
		}
		if (!f.categoryIds().isEmpty()) {
			sql.append(" and exists (select 1 from catalog.product_category_product c where c.product_id = p.id"
					+ " and c.category_id = any(:categories))");
			params.addValue("categories", f.categoryIds().toArray(String[]::new));
		}
		if (f.query() != null) {
			sql.append(words ? " and p.search_vector @@ websearch_to_tsquery('english', :q)" : " and :q <% p.search_text");
			params.addValue("q", f.query());
		}
		if (!f.variants().isEmpty()) {
			sql.append(" and exists (select 1 from catalog.product_variant v where v.product_id = p.id and v.deleted_at is null")
				.append(variantWhere(f.variants(), "v", params)).append(")");
		}
		return sql.toString();
	}

	/**
	 * The conditions on one variant (alias {@code v}), each starting with " and ": one chosen value of every option
	 * title, the price range (the pricing module's expression), stock (the inventory module's expression unless the
	 * variant does not track inventory or allows back-orders).
	 */
	public static String variantWhere(VariantFilter f, String v, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder();
		int i = 0;
		for (Map.Entry<String, List<String>> option : f.options().entrySet()) {
			String title = "vf_option_" + i;
			String values = "vf_values_" + i++;
			sql.append(" and exists (select 1 from catalog.product_variant_option vo")
				.append(" join catalog.product_option_value ov on ov.id = vo.option_value_id and ov.deleted_at is null")
				.append(" join catalog.product_option o on o.id = ov.option_id and o.deleted_at is null")
				.append(" where vo.variant_id = ").append(v).append(".id and o.title = :").append(title)
				.append(" and ov.value = any(:").append(values).append("))");
			params.addValue(title, option.getKey());
			params.addValue(values, option.getValue().toArray(String[]::new));
		}
		if (f.minPrice() != null || f.maxPrice() != null) {
			// A range, so that the price is worked out once per variant (a missing bound is open).
			sql.append(" and ").append(embed(f.price(), v + ".id", params))
				.append(" <@ numrange(cast(:vf_min_price as numeric), cast(:vf_max_price as numeric), '[]')");
			params.addValue("vf_min_price", f.minPrice());
			params.addValue("vf_max_price", f.maxPrice());
		}
		if (f.inStock() != null) {
			sql.append(" and (not ").append(v).append(".manage_inventory or ").append(v).append(".allow_backorder or ")
				.append(embed(f.inStock(), v + ".id", params)).append(")");
		}
		return sql.toString();
	}

	/**
	 * Turns PostgreSQL's JIT compilation off for the rest of the transaction: a listing that works out prices or
	 * stock per variant is costed high enough to trigger it, and compiling took longer (1.7 s) than the query.
	 */
	public static void withoutJit(NamedParameterJdbcTemplate jdbc) {
		jdbc.getJdbcTemplate().execute("set local jit = off");
	}

	/** Another module's expression about the row whose id is in {@code idColumn}, its parameters added. */
	public static String embed(SqlExpression expression, String idColumn, MapSqlParameterSource params) {
		expression.params().forEach(params::addValue);
		return expression.on(idColumn);
	}
}
