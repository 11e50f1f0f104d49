package dev.loupe.catalog.internal;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Facets;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductFilter;
import dev.loupe.catalog.ProductKind;
import dev.loupe.catalog.ProductRelations;
import dev.loupe.platform.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Loads products and their relations for a list of ids: one query per relation, never one per product. */
@Component
public class ProductLoader {

	// Not the search columns: they are large and only the database needs them.
	private static final String PRODUCT_COLUMNS = "id, title, subtitle, description, handle, status, kind, is_giftcard,"
			+ " discountable, thumbnail, weight, length, height, width, origin_country, hs_code, mid_code, material,"
			+ " external_id, type_id, collection_id, metadata, created_at, updated_at";

	private final NamedParameterJdbcTemplate jdbc;

	ProductLoader(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The products with these ids, in the order of the ids, with the requested relations loaded. */
	public List<Product> load(List<String> ids, Set<ProductRelations> relations) {
		if (ids.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.toArray(String[]::new));
		Map<String, Product> bare = new HashMap<>();
		jdbc.query("select " + PRODUCT_COLUMNS + " from catalog.product p where p.id = any(:ids)", params, rs -> {
			bare.put(rs.getString("id"), product(rs));
		});
		boolean anyVariant = relations.contains(ProductRelations.VARIANTS);
		Map<String, List<Product.OptionValue>> valuesByOption = new HashMap<>();
		Map<String, Product.OptionValue> valueById = new HashMap<>();
		Map<String, List<Product.OptionValue>> valuesByVariant = new HashMap<>();
		Map<String, List<Product.Option>> options = new HashMap<>();
		if (relations.contains(ProductRelations.OPTIONS) || anyVariant) {
			jdbc.query("""
					select o.id as option_id, o.product_id, o.title, v.id as value_id, v.value
					from catalog.product_option o join catalog.product_option_value v on v.option_id = o.id and v.deleted_at is null
					where o.product_id = any(:ids) and o.deleted_at is null order by o.product_id, o.rank, v.rank""", params, rs -> {
				var value = new Product.OptionValue(rs.getString("value_id"), rs.getString("value"),
						rs.getString("option_id"), rs.getString("title"));
				valueById.put(value.id(), value);
				valuesByOption.computeIfAbsent(value.optionId(), k -> new ArrayList<>()).add(value);
				List<Product.Option> list = options.computeIfAbsent(rs.getString("product_id"), k -> new ArrayList<>());
				if (list.isEmpty() || !list.getLast().id().equals(rs.getString("option_id"))) {
					list.add(new Product.Option(rs.getString("option_id"), rs.getString("title"), rs.getString("product_id"),
							valuesByOption.get(rs.getString("option_id"))));
				}
			});
		}
		Map<String, List<Product.Variant>> variants = new HashMap<>();
		if (anyVariant) {
			// A variant's values in its product's option order (Colour before Size), as its title and the pickers are.
			jdbc.query("""
					select vo.variant_id, vo.option_value_id from catalog.product_variant_option vo
					join catalog.product_variant v on v.id = vo.variant_id
					join catalog.product_option_value ov on ov.id = vo.option_value_id
					join catalog.product_option o on o.id = ov.option_id
					where v.product_id = any(:ids) and v.deleted_at is null
					order by vo.variant_id, o.rank, o.id""", params, rs -> {
				Product.OptionValue value = valueById.get(rs.getString("option_value_id"));
				if (value != null) {
					valuesByVariant.computeIfAbsent(rs.getString("variant_id"), k -> new ArrayList<>()).add(value);
				}
			});
			jdbc.query("select * from catalog.product_variant where product_id = any(:ids) and deleted_at is null"
					+ " order by product_id, variant_rank, id", params, rs -> {
				variants.computeIfAbsent(rs.getString("product_id"), k -> new ArrayList<>())
					.add(variant(rs, valuesByVariant.getOrDefault(rs.getString("id"), List.of())));
			});
		}
		Map<String, List<Product.Image>> images = new HashMap<>();
		if (relations.contains(ProductRelations.IMAGES)) {
			jdbc.query("select * from catalog.product_image where product_id = any(:ids) and deleted_at is null"
					+ " order by product_id, rank", params, rs -> {
				images.computeIfAbsent(rs.getString("product_id"), k -> new ArrayList<>())
					.add(new Product.Image(rs.getString("id"), rs.getString("url"), rs.getInt("rank")));
			});
		}
		Map<String, List<Product.Tag>> tags = new HashMap<>();
		if (relations.contains(ProductRelations.TAGS)) {
			jdbc.query("""
					select pt.product_id, t.* from catalog.product_tags pt join catalog.product_tag t on t.id = pt.tag_id
					where pt.product_id = any(:ids) and t.deleted_at is null order by t.value""", params, rs -> {
				tags.computeIfAbsent(rs.getString("product_id"), k -> new ArrayList<>())
					.add(new Product.Tag(rs.getString("id"), rs.getString("value"), instant(rs, "created_at"),
							instant(rs, "updated_at")));
			});
		}
		Map<String, List<Category>> categories = new HashMap<>();
		if (relations.contains(ProductRelations.CATEGORIES)) {
			jdbc.query("""
					select cp.product_id, c.* from catalog.product_category_product cp
					join catalog.product_category c on c.id = cp.category_id
					where cp.product_id = any(:ids) and c.deleted_at is null and c.is_active and not c.is_internal
					order by c.rank""", params, rs -> {
				categories.computeIfAbsent(rs.getString("product_id"), k -> new ArrayList<>()).add(category(rs));
			});
		}
		Map<String, Product.Type> types = new HashMap<>();
		if (relations.contains(ProductRelations.TYPE)) {
			jdbc.query("""
					select t.* from catalog.product_type t where t.id in
					(select type_id from catalog.product where id = any(:ids))""", params, rs -> {
				types.put(rs.getString("id"), new Product.Type(rs.getString("id"), rs.getString("value"),
						instant(rs, "created_at"), instant(rs, "updated_at")));
			});
		}
		Map<String, Collection> collections = new HashMap<>();
		if (relations.contains(ProductRelations.COLLECTION)) {
			jdbc.query("""
					select c.* from catalog.product_collection c where c.deleted_at is null and c.id in
					(select collection_id from catalog.product where id = any(:ids))""", params, rs -> {
				collections.put(rs.getString("id"), collection(rs));
			});
		}
		List<Product> result = new ArrayList<>(ids.size());
		for (String id : ids) {
			Product p = bare.get(id);
			if (p == null) {
				continue;
			}
			result.add(new Product(p.id(), p.title(), p.subtitle(), p.description(), p.handle(), p.status(), p.kind(),
					p.giftcard(), p.discountable(), p.thumbnail(), p.weight(), p.length(), p.height(), p.width(),
					p.originCountry(), p.hsCode(), p.midCode(), p.material(), p.externalId(), p.typeId(), p.collectionId(),
					p.metadata(), p.createdAt(), p.updatedAt(),
					relations.contains(ProductRelations.TYPE) ? types.get(p.typeId()) : null,
					relations.contains(ProductRelations.COLLECTION) ? collections.get(p.collectionId()) : null,
					relations.contains(ProductRelations.OPTIONS) ? options.getOrDefault(id, List.of()) : null,
					relations.contains(ProductRelations.IMAGES) ? images.getOrDefault(id, List.of()) : null,
					relations.contains(ProductRelations.TAGS) ? tags.getOrDefault(id, List.of()) : null,
					anyVariant ? variants.getOrDefault(id, List.of()) : null,
					relations.contains(ProductRelations.CATEGORIES) ? categories.getOrDefault(id, List.of()) : null));
		}
		return result;
	}

	public List<Collection> collections(List<String> ids) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String filter = "";
		if (ids != null) {
			filter = " and id = any(:ids)";
			params.addValue("ids", ids.toArray(String[]::new));
		}
		return jdbc.query("select * from catalog.product_collection where deleted_at is null" + filter
				+ " order by title, id", params, (rs, n) -> collection(rs));
	}

	public List<Category> categories() {
		return jdbc.query("""
				select * from catalog.product_category where deleted_at is null and is_active and not is_internal
				order by rank, name""", (rs, n) -> category(rs));
	}

	/** Every live category, inactive and internal ones included, for staff. */
	public List<Category> allCategories(List<String> ids) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String filter = "";
		if (ids != null) {
			filter = " and id = any(:ids)";
			params.addValue("ids", ids.toArray(String[]::new));
		}
		return jdbc.query("select * from catalog.product_category where deleted_at is null" + filter
				+ " order by rank, name", params, (rs, n) -> category(rs));
	}

	public List<Product.Tag> tags() {
		return jdbc.query("select * from catalog.product_tag where deleted_at is null order by value",
				(rs, n) -> new Product.Tag(rs.getString("id"), rs.getString("value"), instant(rs, "created_at"),
						instant(rs, "updated_at")));
	}

	public List<Product.Type> types() {
		return jdbc.query("select * from catalog.product_type where deleted_at is null order by value",
				(rs, n) -> new Product.Type(rs.getString("id"), rs.getString("value"), instant(rs, "created_at"),
						instant(rs, "updated_at")));
	}

	public Facets facets(ProductFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = ProductSearchSql.where(filter, ProductSearchSql.matchesWords(jdbc, filter), params);
		String matching = "select p.id, p.collection_id, p.type_id from catalog.product p where " + where;
		return new Facets(
				counts("select c.category_id, count(*) from (" + matching + ") m join catalog.product_category_product c"
						+ " on c.product_id = m.id group by 1", params),
				counts("select m.collection_id, count(*) from (" + matching + ") m where m.collection_id is not null group by 1",
						params),
				counts("select m.type_id, count(*) from (" + matching + ") m where m.type_id is not null group by 1", params),
				counts("select t.tag_id, count(*) from (" + matching + ") m join catalog.product_tags t on t.product_id = m.id"
						+ " group by 1", params));
	}

	private Map<String, Long> counts(String sql, MapSqlParameterSource params) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.query(sql + " order by 2 desc", params, rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private static Product product(ResultSet rs) throws SQLException {
		return new Product(rs.getString("id"), rs.getString("title"), rs.getString("subtitle"),
				rs.getString("description"), rs.getString("handle"), rs.getString("status"),
				ProductKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getBoolean("is_giftcard"),
				rs.getBoolean("discountable"), rs.getString("thumbnail"), rs.getBigDecimal("weight"),
				rs.getBigDecimal("length"), rs.getBigDecimal("height"), rs.getBigDecimal("width"),
				rs.getString("origin_country"), rs.getString("hs_code"), rs.getString("mid_code"),
				rs.getString("material"), rs.getString("external_id"), rs.getString("type_id"),
				rs.getString("collection_id"), Json.map(rs.getString("metadata")), instant(rs, "created_at"),
				instant(rs, "updated_at"), null, null, null, null, null, null, null);
	}

	private static Product.Variant variant(ResultSet rs, List<Product.OptionValue> options) throws SQLException {
		return new Product.Variant(rs.getString("id"), rs.getString("title"), rs.getString("sku"),
				rs.getString("barcode"), rs.getString("ean"), rs.getString("upc"), rs.getBoolean("allow_backorder"),
				rs.getBoolean("manage_inventory"), rs.getBigDecimal("weight"), rs.getBigDecimal("length"),
				rs.getBigDecimal("height"), rs.getBigDecimal("width"), rs.getString("origin_country"),
				rs.getString("hs_code"), rs.getString("mid_code"), rs.getString("material"), rs.getInt("variant_rank"),
				rs.getString("product_id"), Json.map(rs.getString("metadata")), instant(rs, "created_at"),
				instant(rs, "updated_at"), options);
	}

	private static Category category(ResultSet rs) throws SQLException {
		return new Category(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("handle"), rs.getInt("rank"), rs.getString("parent_category_id"), rs.getString("mpath"),
				rs.getBoolean("is_active"), rs.getBoolean("is_internal"), Json.map(rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"), null);
	}

	private static Collection collection(ResultSet rs) throws SQLException {
		return new Collection(rs.getString("id"), rs.getString("title"), rs.getString("handle"),
				Json.map(rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
