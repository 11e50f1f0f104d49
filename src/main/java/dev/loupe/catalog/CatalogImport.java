package dev.loupe.catalog;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates catalogue content in bulk: categories, collections and products with their options, variants, images,
 * tags and sales channels. Rows go in JDBC batches, so a hundred thousand products import in about a minute.
 */
@Service
public class CatalogImport {

	private static final Pattern HANDLE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	CatalogImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Creates categories in the given order (parents first); returns their ids by handle. */
	@Transactional
	public Map<String, String> createCategories(List<CategoryDraft> categories) {
		Map<String, String> ids = new HashMap<>();
		Map<String, String> paths = new HashMap<>();
		for (CategoryDraft c : categories) {
			requireHandle(c.handle());
			requireText("name", c.name());
			String id = Ids.next("pcat");
			String parent = null;
			String mpath = id;
			if (c.parentHandle() != null) {
				parent = ids.get(c.parentHandle());
				if (parent == null) {
					var row = jdbc.queryForList(
							"select id, mpath from catalog.product_category where handle = ? and deleted_at is null",
							c.parentHandle());
					if (row.isEmpty()) {
						throw LoupeException.invalidData("Parent category '" + c.parentHandle() + "' does not exist");
					}
					parent = (String) row.getFirst().get("id");
					paths.put(parent, (String) row.getFirst().get("mpath"));
				}
				mpath = paths.get(parent) + "." + id;
			}
			jdbc.update("""
					insert into catalog.product_category (id, name, description, handle, mpath, parent_category_id, rank)
					values (?, ?, ?, ?, ?, ?, ?)""", id, c.name(), c.description() == null ? "" : c.description(),
					c.handle(), mpath, parent, c.rank());
			ids.put(c.handle(), id);
			paths.put(id, mpath);
		}
		events.publishEvent(ProductsChanged.all());
		return ids;
	}

	/** Creates a collection; returns its id. */
	@Transactional
	public String createCollection(String handle, String title) {
		requireHandle(handle);
		requireText("title", title);
		String id = Ids.next("pcol");
		jdbc.update("insert into catalog.product_collection (id, title, handle) values (?, ?, ?)", id, title, handle);
		return id;
	}

	/**
	 * Imports products into the given sales channels. A handle that exists already is a duplicate; nothing of the
	 * import is kept then. Publishes one {@link ProductsChanged} for the whole import.
	 */
	@Transactional
	public List<ImportedProduct> importProducts(List<ProductDraft> drafts, List<String> salesChannelIds) {
		drafts.forEach(CatalogImport::validate);
		requireNewHandles(drafts);
		Map<String, String> typeIds = upsertValues("product_type", "ptyp",
				drafts.stream().map(ProductDraft::type).filter(t -> t != null).toList());
		Map<String, String> tagIds = upsertValues("product_tag", "ptag",
				drafts.stream().flatMap(d -> d.tags().stream()).toList());
		Map<String, String> collectionIds = idsByHandle("product_collection",
				drafts.stream().map(ProductDraft::collectionHandle).filter(h -> h != null).toList());
		Map<String, String> categoryIds = idsByHandle("product_category",
				drafts.stream().flatMap(d -> d.categoryHandles().stream()).toList());

		Rows rows = new Rows();
		List<ImportedProduct> imported = new ArrayList<>(drafts.size());
		for (ProductDraft d : drafts) {
			imported.add(rows.add(d, typeIds, tagIds, collectionIds, categoryIds, salesChannelIds));
		}
		rows.write(jdbc);
		events.publishEvent(drafts.size() > 100 ? ProductsChanged.all()
				: new ProductsChanged(imported.stream().map(ImportedProduct::productId).toList()));
		return imported;
	}

	private void requireNewHandles(List<ProductDraft> drafts) {
		Set<String> handles = new HashSet<>();
		for (ProductDraft d : drafts) {
			if (!handles.add(d.handle())) {
				throw LoupeException.duplicate("Product with handle: " + d.handle() + ", already exists.");
			}
		}
		List<String> existing = jdbc.queryForList(
				"select handle from catalog.product where handle = any(?) and deleted_at is null", String.class,
				(Object) handles.toArray(String[]::new));
		if (!existing.isEmpty()) {
			throw LoupeException.duplicate("Product with handle: " + existing.getFirst() + ", already exists.");
		}
	}

	private Map<String, String> upsertValues(String table, String prefix, List<String> values) {
		Set<String> distinct = new LinkedHashSet<>(values);
		List<Object[]> args = distinct.stream().map(v -> new Object[] { Ids.next(prefix), v }).toList();
		jdbc.batchUpdate("insert into catalog." + table + " (id, value) values (?, ?) on conflict (value) do nothing", args);
		Map<String, String> ids = new HashMap<>();
		jdbc.query("select id, value from catalog." + table + " where value = any(?)",
				rs -> { ids.put(rs.getString("value"), rs.getString("id")); }, (Object) distinct.toArray(String[]::new));
		return ids;
	}

	private Map<String, String> idsByHandle(String table, List<String> handles) {
		Set<String> distinct = new LinkedHashSet<>(handles);
		Map<String, String> ids = new HashMap<>();
		jdbc.query("select id, handle from catalog." + table + " where handle = any(?) and deleted_at is null",
				rs -> { ids.put(rs.getString("handle"), rs.getString("id")); }, (Object) distinct.toArray(String[]::new));
		for (String handle : distinct) {
			if (!ids.containsKey(handle)) {
				throw LoupeException.invalidData(table.replace("product_", "").replace('_', ' ') + " '" + handle
						+ "' does not exist");
			}
		}
		return ids;
	}

	private static void validate(ProductDraft d) {
		requireHandle(d.handle());
		requireText("title", d.title());
		if (d.kind() == null) {
			throw LoupeException.invalidData("kind is required for product " + d.handle());
		}
		if (d.variants().isEmpty()) {
			throw LoupeException.invalidData("Product " + d.handle() + " needs at least one variant");
		}
		Map<String, List<String>> options = new HashMap<>();
		d.options().forEach(o -> options.put(o.title(), o.values()));
		for (ProductDraft.Variant v : d.variants()) {
			requireText("variant title", v.title());
			if (!v.options().keySet().equals(options.keySet())) {
				throw LoupeException.invalidData("Variant " + v.title() + " of " + d.handle()
						+ " must have one value for each option " + options.keySet());
			}
			v.options().forEach((title, value) -> {
				if (!options.get(title).contains(value)) {
					throw LoupeException.invalidData("Option " + title + " of " + d.handle() + " has no value " + value);
				}
			});
		}
	}

	private static void requireHandle(String handle) {
		if (handle == null || handle.length() > 200 || !HANDLE.matcher(handle).matches()) {
			throw LoupeException.invalidData("handle must be lowercase letters, digits and dashes: " + handle);
		}
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isBlank() || value.indexOf('\0') >= 0) {
			throw LoupeException.invalidData(field + " is required");
		}
	}

	/** Rows of one import, table by table, written in batches. */
	private static final class Rows {

		final List<Object[]> products = new ArrayList<>();
		final List<Object[]> images = new ArrayList<>();
		final List<Object[]> options = new ArrayList<>();
		final List<Object[]> values = new ArrayList<>();
		final List<Object[]> variants = new ArrayList<>();
		final List<Object[]> variantValues = new ArrayList<>();
		final List<Object[]> tags = new ArrayList<>();
		final List<Object[]> categories = new ArrayList<>();
		final List<Object[]> channels = new ArrayList<>();

		ImportedProduct add(ProductDraft d, Map<String, String> typeIds, Map<String, String> tagIds,
				Map<String, String> collectionIds, Map<String, String> categoryIds, List<String> salesChannelIds) {
			String id = Ids.next("prod");
			var dims = d.dimensions();
			StringBuilder search = new StringBuilder(d.title());
			for (String part : new String[] { d.subtitle(), d.description(), d.type() }) {
				if (part != null) {
					search.append(' ').append(part);
				}
			}
			d.tags().forEach(t -> search.append(' ').append(t));
			d.variants().forEach(v -> {
				if (v.sku() != null) {
					search.append(' ').append(v.sku());
				}
			});
			products.add(new Object[] { id, d.title(), d.subtitle(), d.handle(), d.description(),
					d.published() ? "published" : "draft", d.kind().code(), d.thumbnail(), d.weight(),
					dims == null ? null : dims.length(), dims == null ? null : dims.height(),
					dims == null ? null : dims.width(), d.originCountry(), d.material(),
					d.type() == null ? null : typeIds.get(d.type()),
					d.collectionHandle() == null ? null : collectionIds.get(d.collectionHandle()),
					Json.write(d.metadata()),
					search.toString() });
			for (int i = 0; i < d.images().size(); i++) {
				images.add(new Object[] { Ids.next("img"), id, d.images().get(i), i });
			}
			Map<String, String> valueIds = new HashMap<>();
			for (int i = 0; i < d.options().size(); i++) {
				ProductDraft.Option o = d.options().get(i);
				String optionId = Ids.next("opt");
				options.add(new Object[] { optionId, id, o.title(), i });
				for (int j = 0; j < o.values().size(); j++) {
					String valueId = Ids.next("optval");
					values.add(new Object[] { valueId, optionId, o.values().get(j), j });
					valueIds.put(o.title() + "\u0000" + o.values().get(j), valueId);
				}
			}
			List<String> variantIds = new ArrayList<>();
			for (int i = 0; i < d.variants().size(); i++) {
				ProductDraft.Variant v = d.variants().get(i);
				String variantId = Ids.next("variant");
				variantIds.add(variantId);
				variants.add(new Object[] { variantId, id, v.title(), v.sku(), v.barcode(), v.manageInventory(),
						v.allowBackorder(), v.weight() != null ? v.weight() : d.weight(), i });
				v.options().forEach((title, value) -> variantValues
					.add(new Object[] { variantId, valueIds.get(title + "\u0000" + value) }));
			}
			d.tags().stream().distinct().forEach(t -> tags.add(new Object[] { id, tagIds.get(t) }));
			d.categoryHandles().stream().distinct().forEach(h -> categories.add(new Object[] { id, categoryIds.get(h) }));
			salesChannelIds.forEach(sc -> channels.add(new Object[] { id, sc }));
			return new ImportedProduct(d.handle(), id, variantIds);
		}

		void write(JdbcTemplate jdbc) {
			batch(jdbc, """
					insert into catalog.product (id, title, subtitle, handle, description, status, kind, thumbnail, weight,
					  length, height, width, origin_country, material, type_id, collection_id, metadata, search_text)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", products);
			batch(jdbc, "insert into catalog.product_image (id, product_id, url, rank) values (?, ?, ?, ?)", images);
			batch(jdbc, "insert into catalog.product_option (id, product_id, title, rank) values (?, ?, ?, ?)", options);
			batch(jdbc, "insert into catalog.product_option_value (id, option_id, value, rank) values (?, ?, ?, ?)", values);
			batch(jdbc, """
					insert into catalog.product_variant (id, product_id, title, sku, barcode, manage_inventory,
					  allow_backorder, weight, variant_rank) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", variants);
			batch(jdbc, "insert into catalog.product_variant_option (variant_id, option_value_id) values (?, ?)", variantValues);
			batch(jdbc, "insert into catalog.product_tags (product_id, tag_id) values (?, ?)", tags);
			batch(jdbc, "insert into catalog.product_category_product (product_id, category_id) values (?, ?)", categories);
			batch(jdbc, "insert into catalog.product_sales_channel (product_id, sales_channel_id) values (?, ?)", channels);
		}

		private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
			for (int from = 0; from < rows.size(); from += BATCH) {
				jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
			}
		}
	}
}
