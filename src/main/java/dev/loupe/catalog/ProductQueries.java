package dev.loupe.catalog;

import dev.loupe.catalog.internal.ProductLoader;
import dev.loupe.catalog.internal.ProductSearchSql;
import dev.loupe.platform.SqlExpression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalogue as shoppers see it: only published, live products of the caller's sales channels. A page
 * costs one query for the ids, one for the count and one per requested relation, whatever the page size.
 */
@Service
@Transactional(readOnly = true)
public class ProductQueries {

	private final NamedParameterJdbcTemplate jdbc;
	private final ProductLoader loader;

	ProductQueries(NamedParameterJdbcTemplate jdbc, ProductLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/** A page of products in the given order (by relevance first when searching); {@link #count} gives the total. */
	public List<Product> page(ProductFilter filter, ProductOrder order, int limit, int offset, Set<ProductRelations> relations) {
		if (!filter.variants().isEmpty()) {
			ProductSearchSql.withoutJit(jdbc);
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = ProductSearchSql.where(filter, matchesWords(filter), params);
		String orderBy = filter.query() == null ? order.sql() : ProductSearchSql.RANK + " desc, " + order.sql();
		params.addValue("limit", limit).addValue("offset", offset);
		List<String> ids = jdbc.queryForList("select p.id from catalog.product p where " + where + " order by " + orderBy
				+ " limit :limit offset :offset", params, String.class);
		return loader.load(ids, relations);
	}

	/**
	 * A page of products by the price of their cheapest live variant ({@code price} is the pricing module's
	 * expression for the shopper's region), cheapest or dearest first; products without a price come last.
	 */
	public List<Product> pageByPrice(ProductFilter filter, SqlExpression price, boolean descending, int limit, int offset,
			Set<ProductRelations> relations) {
		ProductSearchSql.withoutJit(jdbc);
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = ProductSearchSql.where(filter, matchesWords(filter), params);
		String cheapest = "(select min(" + ProductSearchSql.embed(price, "sv.id", params)
				+ ") from catalog.product_variant sv where sv.product_id = p.id and sv.deleted_at is null)";
		params.addValue("limit", limit).addValue("offset", offset);
		List<String> ids = jdbc.queryForList("select p.id from catalog.product p where " + where + " order by " + cheapest
				+ (descending ? " desc" : " asc") + " nulls last, p.id limit :limit offset :offset", params, String.class);
		return loader.load(ids, relations);
	}

	/**
	 * The option titles of a listing with, per value, how many of its products have a variant offering that value
	 * and meeting the filter's other variant conditions. A title's own choices are left out of its counts (choosing
	 * Red still shows how many are Blue); titles by how many products offer them, values by rank then name.
	 */
	public List<OptionFacet> optionFacets(ProductFilter filter, int maxTitles, int maxValues) {
		ProductSearchSql.withoutJit(jdbc);
		ProductFilter products = filter.withVariants(VariantFilter.NONE);
		boolean words = matchesWords(products);
		Map<String, Map<String, long[]>> found = new java.util.LinkedHashMap<>();
		List<String> chosen = List.copyOf(filter.variants().options().keySet());
		countOptions(products, words, filter.variants(), null, chosen, found);
		for (String title : chosen) {
			countOptions(products, words, filter.variants().without(title), title, List.of(), found);
		}
		Map<String, Long> offeredBy = new HashMap<>();
		found.forEach((title, values) -> offeredBy.put(title, values.values().stream().mapToLong(c -> c[0]).sum()));
		return found.entrySet().stream()
			.sorted(Comparator.comparing((Map.Entry<String, Map<String, long[]>> e) -> -offeredBy.get(e.getKey()))
				.thenComparing(Map.Entry::getKey))
			.limit(maxTitles)
			.map(e -> new OptionFacet(e.getKey(), e.getValue().entrySet().stream()
				.sorted(Comparator.comparingLong((Map.Entry<String, long[]> v) -> v.getValue()[1])
					.thenComparing(Map.Entry::getKey))
				.limit(maxValues)
				.map(v -> new OptionFacet.Value(v.getKey(), v.getValue()[0]))
				.toList()))
			.toList();
	}

	private void countOptions(ProductFilter products, boolean words, VariantFilter variants, String onlyTitle,
			List<String> exceptTitles, Map<String, Map<String, long[]>> found) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder("""
				select o.title, ov.value, count(distinct p.id) as n, min(ov.rank) as r
				from catalog.product p
				join catalog.product_variant v on v.product_id = p.id and v.deleted_at is null
				join catalog.product_variant_option vo on vo.variant_id = v.id
				join catalog.product_option_value ov on ov.id = vo.option_value_id and ov.deleted_at is null
				join catalog.product_option o on o.id = ov.option_id and o.deleted_at is null
				where\s""").append(ProductSearchSql.where(products, words, params))
			.append(ProductSearchSql.variantWhere(variants, "v", params));
		if (onlyTitle != null) {
			sql.append(" and o.title = :facet_title");
			params.addValue("facet_title", onlyTitle);
		}
		else if (!exceptTitles.isEmpty()) {
			sql.append(" and o.title <> all(:facet_except)");
			params.addValue("facet_except", exceptTitles.toArray(String[]::new));
		}
		sql.append(" group by o.title, ov.value");
		jdbc.query(sql.toString(), params, rs -> {
			found.computeIfAbsent(rs.getString("title"), k -> new HashMap<>())
				.put(rs.getString("value"), new long[] { rs.getLong("n"), rs.getLong("r") });
		});
	}

	/** Which of these option titles some visible product of these sales channels has. */
	public Set<String> optionTitles(List<String> salesChannelIds, java.util.Collection<String> titles) {
		if (titles.isEmpty()) {
			return Set.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = optionWhere(salesChannelIds, List.of(), List.copyOf(titles), List.of(), null, params);
		return Set.copyOf(jdbc.queryForList("select distinct o.title from catalog.product_option o join catalog.product p"
				+ " on p.id = o.product_id where " + where, params, String.class));
	}

	/** How many products a filter matches. */
	public long count(ProductFilter filter) {
		if (!filter.variants().isEmpty()) {
			ProductSearchSql.withoutJit(jdbc);
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = ProductSearchSql.where(filter, matchesWords(filter), params);
		Long count = jdbc.queryForObject("select count(*) from catalog.product p where " + where, params, Long.class);
		return count == null ? 0 : count;
	}

	private boolean matchesWords(ProductFilter filter) {
		return ProductSearchSql.matchesWords(jdbc, filter);
	}

	/** A visible product by id. */
	public Optional<Product> find(String id, List<String> salesChannelIds, Set<ProductRelations> relations) {
		ProductFilter filter = new ProductFilter(salesChannelIds, List.of(id), null, null, List.of(), List.of(), List.of(),
				List.of());
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<String> ids = jdbc.queryForList("select p.id from catalog.product p where "
				+ ProductSearchSql.where(filter, true, params), params, String.class);
		return loader.load(ids, relations).stream().findFirst();
	}

	/**
	 * The variants among these ids that shoppers of these sales channels can buy: live variants of published, live
	 * products sold in one of the channels. Others (unknown, deleted, draft, another channel's) are absent.
	 */
	public Map<String, SellableVariant> sellableVariants(java.util.Collection<String> variantIds, List<String> salesChannelIds) {
		// Starting from unnest() keeps the plan on the variants' primary key even as a generic prepared plan: with
		// "v.id = any(...)" PostgreSQL's generic plan walked every published product (135 ms on 10,000 products).
		if (variantIds.isEmpty() || salesChannelIds.isEmpty()) {
			return Map.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("variants", variantIds.toArray(String[]::new))
			.addValue("channels", salesChannelIds.toArray(String[]::new));
		Map<String, SellableVariant> found = new HashMap<>();
		jdbc.query("""
				select v.id, v.title, v.sku, v.barcode, v.manage_inventory, v.allow_backorder, p.id as product_id,
				  p.title as product_title, p.subtitle, p.handle, p.thumbnail, p.kind, p.discountable, p.collection_id,
				  least(ceil(greatest(coalesce(v.weight, p.weight), 0)), 2147483647)::int as weight,
				  array(select pc.category_id from catalog.product_category_product pc where pc.product_id = p.id
				        order by pc.category_id) as category_ids
				from unnest(cast(:variants as text[])) as wanted(id)
				join catalog.product_variant v on v.id = wanted.id
				join catalog.product p on p.id = v.product_id
				where v.deleted_at is null and p.deleted_at is null and p.status = 'published'
				  and exists (select 1 from catalog.product_sales_channel psc where psc.product_id = p.id
				              and psc.sales_channel_id = any(:channels))""", params, rs -> {
			found.put(rs.getString("id"), new SellableVariant(rs.getString("id"), rs.getString("title"),
					rs.getString("sku"), rs.getString("barcode"), rs.getString("product_id"), rs.getString("product_title"),
					rs.getString("subtitle"), rs.getString("handle"), rs.getString("thumbnail"),
					ProductKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
					rs.getBoolean("discountable"), rs.getBoolean("manage_inventory"), rs.getBoolean("allow_backorder"),
					rs.getString("collection_id"), List.of((String[]) rs.getArray("category_ids").getArray()),
					(Integer) rs.getObject("weight")));
		});
		return found;
	}

	/**
	 * Options of the products a shopper can see (published, live, in these sales channels), with their values, by
	 * title then id. Loupe's options belong to one product each (Medusa's {@code is_exclusive}).
	 */
	public List<Product.Option> options(List<String> salesChannelIds, List<String> ids, List<String> titles,
			List<String> productIds, String q, int limit, int offset) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = optionWhere(salesChannelIds, ids, titles, productIds, q, params);
		params.addValue("limit", limit).addValue("offset", offset);
		List<Product.Option> options = new ArrayList<>();
		Map<String, List<Product.OptionValue>> values = new HashMap<>();
		jdbc.query("select o.id, o.title, o.product_id from catalog.product_option o join catalog.product p on p.id = o.product_id"
				+ " where " + where + " order by o.title, o.id limit :limit offset :offset", params, rs -> {
			List<Product.OptionValue> list = new ArrayList<>();
			values.put(rs.getString("id"), list);
			options.add(new Product.Option(rs.getString("id"), rs.getString("title"), rs.getString("product_id"), list));
		});
		if (!options.isEmpty()) {
			jdbc.query("""
					select v.id, v.value, v.option_id, o.title from catalog.product_option_value v
					join catalog.product_option o on o.id = v.option_id
					where v.option_id = any(:options) and v.deleted_at is null order by v.rank, v.id""",
					new MapSqlParameterSource("options", values.keySet().toArray(String[]::new)), rs -> {
						values.get(rs.getString("option_id")).add(new Product.OptionValue(rs.getString("id"),
								rs.getString("value"), rs.getString("option_id"), rs.getString("title")));
					});
		}
		return options;
	}

	public long countOptions(List<String> salesChannelIds, List<String> ids, List<String> titles, List<String> productIds,
			String q) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = optionWhere(salesChannelIds, ids, titles, productIds, q, params);
		Long n = jdbc.queryForObject("select count(*) from catalog.product_option o join catalog.product p"
				+ " on p.id = o.product_id where " + where, params, Long.class);
		return n == null ? 0 : n;
	}

	private static String optionWhere(List<String> salesChannelIds, List<String> ids, List<String> titles,
			List<String> productIds, String q, MapSqlParameterSource params) {
		ProductFilter visible = new ProductFilter(salesChannelIds, productIds, null, null, List.of(), List.of(), List.of(),
				List.of());
		StringBuilder where = new StringBuilder("o.deleted_at is null and ")
			.append(ProductSearchSql.where(visible, true, params));
		if (!ids.isEmpty()) {
			where.append(" and o.id = any(:optionIds)");
			params.addValue("optionIds", ids.toArray(String[]::new));
		}
		if (!titles.isEmpty()) {
			where.append(" and o.title = any(:titles)");
			params.addValue("titles", titles.toArray(String[]::new));
		}
		if (q != null) {
			where.append(" and o.title ilike :q");
			params.addValue("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return where.toString();
	}

	/** Live collections, by title. */
	public List<Collection> collections() {
		return loader.collections(null);
	}

	public Optional<Collection> collection(String id) {
		return loader.collections(List.of(id)).stream().findFirst();
	}

	/** Live, active, public categories, by rank within their parent. */
	public List<Category> categories() {
		return loader.categories();
	}

	/** The categories arranged as a forest, children by rank. */
	public List<Category> categoryTree() {
		List<Category> all = categories();
		Map<String, List<Category>> children = new HashMap<>();
		for (Category c : all) {
			children.computeIfAbsent(c.parentCategoryId(), k -> new ArrayList<>()).add(c);
		}
		return attach(children.getOrDefault(null, List.of()), children);
	}

	/** A category with its descendants attached. */
	public Category withDescendants(Category category) {
		Map<String, List<Category>> children = new HashMap<>();
		for (Category c : categories()) {
			children.computeIfAbsent(c.parentCategoryId(), k -> new ArrayList<>()).add(c);
		}
		return attach(List.of(category), children).getFirst();
	}

	private static List<Category> attach(List<Category> level, Map<String, List<Category>> children) {
		return level.stream()
			.sorted(Comparator.comparingInt(Category::rank).thenComparing(Category::name))
			.map(c -> c.withChildren(attach(children.getOrDefault(c.id(), List.of()), children)))
			.toList();
	}

	/** Tags in use by visible products, by value. */
	public List<Product.Tag> tags() {
		return loader.tags();
	}

	public List<Product.Type> types() {
		return loader.types();
	}

	/** Facets for a storefront's filter panel: how many visible products fall in each category, collection, type and tag. */
	public Facets facets(ProductFilter filter) {
		if (!filter.variants().isEmpty()) {
			ProductSearchSql.withoutJit(jdbc);
		}
		return loader.facets(filter);
	}
}
