package dev.loupe.catalog;

import dev.loupe.catalog.internal.ProductLoader;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as staff and integrations manage it, one record at a time: products in any status, their variants,
 * options and images, collections and categories. Bodies arrive as {@link Input} in the Admin API's field names and
 * are checked here, so the Admin API and the back office refuse the same things with the same messages. Every change
 * publishes {@link ProductsChanged} with its transaction.
 */
@Service
@Transactional
public class CatalogAdmin {

	public static final Set<String> PRODUCT_FIELDS = Set.of("title", "subtitle", "description", "handle", "status",
			"kind", "is_giftcard", "discountable", "thumbnail", "images", "material", "origin_country", "hs_code",
			"mid_code", "weight", "length", "height", "width", "external_id", "type_id", "collection_id", "categories",
			"tags", "sales_channels", "metadata");
	public static final Set<String> VARIANT_FIELDS = Set.of("title", "sku", "barcode", "ean", "upc", "manage_inventory",
			"allow_backorder", "weight", "length", "height", "width", "origin_country", "hs_code", "mid_code", "material",
			"variant_rank", "options", "metadata");

	private static final Pattern HANDLE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
	private static final Set<String> STATUSES = Set.of("draft", "proposed", "published", "rejected");
	private static final Set<ProductRelations> ALL = EnumSet.allOf(ProductRelations.class);
	private static final int MAX_TITLE = 500;

	private final JdbcTemplate jdbc;
	private final ProductLoader loader;
	private final CatalogImport importer;
	private final ApplicationEventPublisher events;

	CatalogAdmin(JdbcTemplate jdbc, ProductLoader loader, CatalogImport importer, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.importer = importer;
		this.events = events;
	}

	// ---------------------------------------------------------------- reading

	/** A live product in any status with every relation; 404 when unknown or deleted. */
	@Transactional(readOnly = true)
	public Product product(String id) {
		requireProduct(id);
		return loader.load(List.of(id), ALL).getFirst();
	}

	/** A page of live products in any status, newest first, optionally filtered by text and status. */
	@Transactional(readOnly = true)
	public List<Product> products(String q, List<String> statuses, int limit, int offset) {
		return products(q, statuses, limit, offset, ALL);
	}

	/** A page as above with only the given relations (a list that shows little need not load every relation). */
	@Transactional(readOnly = true)
	public List<Product> products(String q, List<String> statuses, int limit, int offset,
			Set<ProductRelations> relations) {
		Where where = productWhere(q, statuses);
		List<Object> args = new ArrayList<>(where.args());
		args.add(limit);
		args.add(offset);
		List<String> ids = jdbc.queryForList("select p.id from catalog.product p where " + where.sql()
				+ " order by p.created_at desc, p.id desc limit ? offset ?", String.class, args.toArray());
		return loader.load(ids, relations.isEmpty() ? EnumSet.noneOf(ProductRelations.class) : EnumSet.copyOf(relations));
	}

	@Transactional(readOnly = true)
	public long countProducts(String q, List<String> statuses) {
		Where where = productWhere(q, statuses);
		Long n = jdbc.queryForObject("select count(*) from catalog.product p where " + where.sql(), Long.class,
				where.args().toArray());
		return n == null ? 0 : n;
	}

	/** Live products with these handles, with every relation (unknown handles are absent). */
	@Transactional(readOnly = true)
	public List<Product> productsByHandle(List<String> handles) {
		if (handles.isEmpty()) {
			return List.of();
		}
		List<String> ids = jdbc.queryForList("select id from catalog.product where handle = any(?) and deleted_at is null",
				String.class, (Object) handles.toArray(String[]::new));
		return ids.isEmpty() ? List.of() : loader.load(ids, ALL);
	}

	/** The handle of the live product owning each of these SKUs, by SKU (unknown SKUs are absent). */
	@Transactional(readOnly = true)
	public Map<String, String> productHandlesBySku(List<String> skus) {
		Map<String, String> handles = new HashMap<>();
		if (skus.isEmpty()) {
			return handles;
		}
		jdbc.query("""
				select v.sku, p.handle from catalog.product_variant v join catalog.product p on p.id = v.product_id
				where v.sku = any(?) and v.deleted_at is null and p.deleted_at is null""", rs -> {
			handles.put(rs.getString(1), rs.getString(2));
		}, (Object) skus.toArray(String[]::new));
		return handles;
	}

	/**
	 * The number of matching live products, counting no further than {@code cap + 1}: a list page only needs to say
	 * "more than {@code cap}", and a capped count stops reading early on a large catalogue.
	 */
	@Transactional(readOnly = true)
	public long countProducts(String q, List<String> statuses, long cap) {
		Where where = productWhere(q, statuses);
		List<Object> args = new ArrayList<>(where.args());
		args.add(cap + 1);
		Long n = jdbc.queryForObject("select count(*) from (select 1 from catalog.product p where " + where.sql()
				+ " limit ?) c", Long.class, args.toArray());
		return n == null ? 0 : n;
	}

	/**
	 * How many live products a sales channel sells, counting no further than {@code cap + 1} (the channel index is
	 * read in order and stops there), for the settings page.
	 */
	@Transactional(readOnly = true)
	public long countProductsInSalesChannel(String salesChannelId, long cap) {
		Long n = jdbc.queryForObject("""
				select count(*) from (select 1 from catalog.product_sales_channel psc
				join catalog.product p on p.id = psc.product_id and p.deleted_at is null
				where psc.sales_channel_id = ? limit ?) c""", Long.class, salesChannelId, cap + 1);
		return n == null ? 0 : n;
	}

	/** The sales channels each product is sold in, by product id. */
	@Transactional(readOnly = true)
	public Map<String, List<String>> salesChannelsOf(List<String> productIds) {
		Map<String, List<String>> channels = new HashMap<>();
		jdbc.query("""
				select product_id, sales_channel_id from catalog.product_sales_channel where product_id = any(?)
				order by product_id, sales_channel_id""", rs -> {
			channels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
		}, (Object) productIds.toArray(String[]::new));
		return channels;
	}

	private record Where(String sql, List<Object> args) {
	}

	private static Where productWhere(String q, List<String> statuses) {
		StringBuilder sql = new StringBuilder("p.deleted_at is null");
		List<Object> args = new ArrayList<>();
		if (statuses != null && !statuses.isEmpty()) {
			for (String s : statuses) {
				if (!STATUSES.contains(s)) {
					throw LoupeException.invalidData("status must be one of " + STATUSES.stream().sorted().toList());
				}
			}
			sql.append(" and p.status = any(?)");
			args.add(statuses.toArray(String[]::new));
		}
		if (q != null && !q.isBlank()) {
			sql.append(" and (p.search_text ilike ? or p.handle ilike ?)");
			String like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			args.add(like);
			args.add(like);
		}
		return new Where(sql.toString(), args);
	}

	// ---------------------------------------------------------------- products

	/**
	 * Creates a product with its options and variants (at least one; a product without options gets a default one,
	 * as Medusa does), sold in the given sales channels unless the body names its own. Returns the product id and
	 * its variant ids in the order of the body's variants.
	 */
	public ImportedProduct createProduct(Input body, List<String> defaultSalesChannels) {
		body.allow(union(PRODUCT_FIELDS, Set.of("options", "variants")));
		String title = body.requiredText("title", MAX_TITLE);
		String handle = body.has("handle") ? handle(body.text("handle", 200)) : handleFrom(title);
		List<ProductDraft.Option> options = new ArrayList<>();
		List<Input> optionBodies = body.objects("options", 10);
		if (optionBodies != null) {
			Set<String> titles = new HashSet<>();
			for (Input o : optionBodies) {
				o.allow(Set.of("title", "values"));
				String optionTitle = o.requiredText("title", 200);
				List<String> values = o.texts("values", 200, 200);
				if (values == null || values.isEmpty()) {
					throw o.invalid("values", "must have at least one value");
				}
				if (!titles.add(optionTitle) || new HashSet<>(values).size() != values.size()) {
					throw LoupeException.invalidData("Option " + optionTitle + " is given twice or repeats a value");
				}
				options.add(new ProductDraft.Option(optionTitle, values));
			}
		}
		List<Input> variantBodies = body.objects("variants", 500);
		if (variantBodies == null || variantBodies.isEmpty()) {
			throw body.invalid("variants", "must have at least one variant");
		}
		if (options.isEmpty()) {
			options.add(new ProductDraft.Option("Default option", List.of("Default option value")));
		}
		List<ProductDraft.Variant> variants = new ArrayList<>();
		for (Input v : variantBodies) {
			v.allow(VARIANT_FIELDS);
			Map<String, String> chosen = variantOptions(v, options);
			variants.add(new ProductDraft.Variant(v.requiredText("title", MAX_TITLE), blankToNull(v.text("sku", 200)),
					blankToNull(v.text("barcode", 200)), chosen, orTrue(v.bool("manage_inventory")),
					Boolean.TRUE.equals(v.bool("allow_backorder")), v.nonNegative("weight")));
		}
		requireDistinctCombinations(variants.stream().map(ProductDraft.Variant::options).toList());
		ProductKind kind = kind(body.text("kind", 40));
		String status = status(body.text("status", 20));
		ProductDraft draft = new ProductDraft(handle, title, body.text("subtitle", MAX_TITLE), body.text("description"),
				kind == null ? ProductKind.STANDARD : kind, false, null, List.of(), null, null, null, null, null, List.of(),
				null, List.of(), options, variants, null);
		List<String> channels = body.has("sales_channels") ? List.of() : defaultSalesChannels;
		ImportedProduct created = importer.importProducts(List.of(draft), channels).getFirst();
		// The remaining fields (links, dimensions, status, images, per-variant extras) go through the update path, so
		// that creation and update check them identically.
		applyProduct(created.productId(), body.without(Set.of("title", "handle", "options", "variants", "kind", "subtitle",
				"description")).with("status", status == null ? "draft" : status));
		for (int i = 0; i < variantBodies.size(); i++) {
			applyVariant(created.variantIds().get(i), variantBodies.get(i), Set.of("title", "sku", "barcode", "options",
					"manage_inventory", "allow_backorder", "weight"));
		}
		refreshSearchText(created.productId());
		return created;
	}

	/** Updates the fields present in the body; a field sent as null is cleared where that makes sense. */
	public void updateProduct(String id, Input body) {
		requireProduct(id);
		body.allow(PRODUCT_FIELDS);
		applyProduct(id, body);
		refreshSearchText(id);
		events.publishEvent(new ProductsChanged(List.of(id)));
	}

	/** Deletes a product with its variants, options and images; its handle and SKUs become free again. */
	public void deleteProduct(String id) {
		requireProduct(id);
		jdbc.update("update catalog.product set deleted_at = now(), updated_at = now() where id = ?", id);
		jdbc.update("update catalog.product_variant set deleted_at = now() where product_id = ? and deleted_at is null", id);
		jdbc.update("""
				update catalog.product_option_value set deleted_at = now() where deleted_at is null and option_id in
				  (select id from catalog.product_option where product_id = ?)""", id);
		jdbc.update("update catalog.product_option set deleted_at = now() where product_id = ? and deleted_at is null", id);
		jdbc.update("update catalog.product_image set deleted_at = now() where product_id = ? and deleted_at is null", id);
		events.publishEvent(new ProductsChanged(List.of(id)));
	}

	private void applyProduct(String id, Input body) {
		Map<String, Object> set = new LinkedHashMap<>();
		if (body.has("title")) {
			set.put("title", body.requiredText("title", MAX_TITLE));
		}
		if (body.has("handle")) {
			String handle = handle(body.text("handle", 200));
			Integer taken = jdbc.queryForObject("""
					select count(*) from catalog.product where handle = ? and id <> ? and deleted_at is null""",
					Integer.class, handle, id);
			if (taken != null && taken > 0) {
				throw LoupeException.duplicate("Product with handle: " + handle + ", already exists.");
			}
			set.put("handle", handle);
		}
		if (body.has("status")) {
			String status = status(body.text("status", 20));
			if (status == null) {
				throw body.invalid("status", "must be one of " + STATUSES.stream().sorted().toList());
			}
			set.put("status", status);
		}
		if (body.has("kind")) {
			ProductKind kind = kind(body.text("kind", 40));
			if (kind == null) {
				throw body.invalid("kind", "is required");
			}
			set.put("kind", kind.code());
		}
		for (String text : List.of("subtitle", "description", "material", "hs_code", "mid_code", "external_id")) {
			if (body.has(text)) {
				set.put(text, body.text(text, text.equals("description") ? 20_000 : MAX_TITLE));
			}
		}
		if (body.has("origin_country")) {
			set.put("origin_country", country(body, "origin_country"));
		}
		if (body.has("thumbnail")) {
			set.put("thumbnail", url(body, "thumbnail"));
		}
		for (String flag : List.of("is_giftcard", "discountable")) {
			if (body.has(flag)) {
				Boolean b = body.bool(flag);
				if (b == null) {
					throw body.invalid(flag, "must be true or false");
				}
				set.put(flag, b);
			}
		}
		for (String number : List.of("weight", "length", "height", "width")) {
			if (body.has(number)) {
				set.put(number, body.nonNegative(number));
			}
		}
		if (body.has("metadata")) {
			set.put("metadata", new Jsonb(Json.write(body.metadata("metadata"))));
		}
		if (body.has("type_id")) {
			String typeId = body.text("type_id", 100);
			if (typeId != null) {
				requireLive("product_type", "Product type", typeId);
			}
			set.put("type_id", typeId);
		}
		if (body.has("collection_id")) {
			String collectionId = body.text("collection_id", 100);
			if (collectionId != null) {
				requireLive("product_collection", "Product collection", collectionId);
			}
			set.put("collection_id", collectionId);
		}
		update("catalog.product", id, set);
		if (body.has("images")) {
			List<Input> images = body.objects("images", 50);
			List<String> urls = new ArrayList<>();
			for (Input image : images == null ? List.<Input>of() : images) {
				image.allow(Set.of("url", "id"));
				urls.add(url(image, "url"));
			}
			jdbc.update("update catalog.product_image set deleted_at = now() where product_id = ? and deleted_at is null", id);
			for (int i = 0; i < urls.size(); i++) {
				jdbc.update("insert into catalog.product_image (id, product_id, url, rank) values (?, ?, ?, ?)",
						Ids.next("img"), id, urls.get(i), i);
			}
			if (!body.has("thumbnail")) {
				jdbc.update("update catalog.product set thumbnail = ? where id = ?", urls.isEmpty() ? null : urls.getFirst(), id);
			}
		}
		if (body.has("categories")) {
			List<String> ids = orEmpty(body.ids("categories", 100));
			ids.forEach(c -> requireLive("product_category", "Product category", c));
			jdbc.update("delete from catalog.product_category_product where product_id = ?", id);
			ids.forEach(c -> jdbc.update("insert into catalog.product_category_product (product_id, category_id) values (?, ?)",
					id, c));
		}
		if (body.has("tags")) {
			List<Input> tags = body.objects("tags", 100);
			List<String> tagIds = new ArrayList<>();
			for (Input tag : tags == null ? List.<Input>of() : tags) {
				tag.allow(Set.of("id", "value"));
				if (tag.has("id")) {
					String tagId = tag.requiredText("id", 100);
					requireLive("product_tag", "Product tag", tagId);
					tagIds.add(tagId);
				}
				else {
					tagIds.add(tagId(tag.requiredText("value", 200)));
				}
			}
			jdbc.update("delete from catalog.product_tags where product_id = ?", id);
			tagIds.stream().distinct().forEach(t -> jdbc.update(
					"insert into catalog.product_tags (product_id, tag_id) values (?, ?)", id, t));
		}
		if (body.has("sales_channels")) {
			List<String> channels = orEmpty(body.ids("sales_channels", 100));
			jdbc.update("delete from catalog.product_sales_channel where product_id = ?", id);
			channels.forEach(c -> jdbc.update(
					"insert into catalog.product_sales_channel (product_id, sales_channel_id) values (?, ?)", id, c));
		}
	}

	// ---------------------------------------------------------------- variants

	/** Adds a variant with one value for each of the product's options; returns its id. */
	public String createVariant(String productId, Input body) {
		requireProduct(productId);
		body.allow(VARIANT_FIELDS);
		String title = body.requiredText("title", MAX_TITLE);
		String id = Ids.next("variant");
		Integer rank = jdbc.queryForObject("""
				select coalesce(max(variant_rank) + 1, 0) from catalog.product_variant where product_id = ?""",
				Integer.class, productId);
		jdbc.update("insert into catalog.product_variant (id, product_id, title, variant_rank) values (?, ?, ?, ?)", id,
				productId, title, rank);
		if (!body.has("options")) {
			body = body.with("options", Map.of());
		}
		applyVariant(id, body, Set.of());
		refreshSearchText(productId);
		events.publishEvent(new ProductsChanged(List.of(productId)));
		return id;
	}

	public void updateVariant(String productId, String variantId, Input body) {
		requireVariant(productId, variantId);
		body.allow(VARIANT_FIELDS);
		applyVariant(variantId, body, Set.of());
		refreshSearchText(productId);
		events.publishEvent(new ProductsChanged(List.of(productId)));
	}

	public void deleteVariant(String productId, String variantId) {
		requireVariant(productId, variantId);
		jdbc.update("update catalog.product_variant set deleted_at = now(), updated_at = now() where id = ?", variantId);
		refreshSearchText(productId);
		events.publishEvent(new ProductsChanged(List.of(productId)));
	}

	/** The product a live variant belongs to. */
	@Transactional(readOnly = true)
	public String productOfVariant(String variantId) {
		return liveProductOfVariant(variantId).orElseThrow(() -> LoupeException.notFound("Variant", variantId));
	}

	/**
	 * The product of a live variant; empty when the variant or its product was deleted (stock levels, reservations
	 * and ledger lines outlive them, and lists of those show them as deleted).
	 */
	public java.util.Optional<String> liveProductOfVariant(String variantId) {
		return jdbc.queryForList("""
				select v.product_id from catalog.product_variant v join catalog.product p on p.id = v.product_id
				where v.id = ? and v.deleted_at is null and p.deleted_at is null""", String.class, variantId)
			.stream()
			.findFirst();
	}

	private void applyVariant(String variantId, Input body, Set<String> skip) {
		Map<String, Object> set = new LinkedHashMap<>();
		if (body.has("title") && !skip.contains("title")) {
			set.put("title", body.requiredText("title", MAX_TITLE));
		}
		if (body.has("sku") && !skip.contains("sku")) {
			String sku = blankToNull(body.text("sku", 200));
			if (sku != null) {
				Integer taken = jdbc.queryForObject("""
						select count(*) from catalog.product_variant where sku = ? and id <> ? and deleted_at is null""",
						Integer.class, sku, variantId);
				if (taken != null && taken > 0) {
					throw LoupeException.duplicate("Variant with sku: " + sku + ", already exists.");
				}
			}
			set.put("sku", sku);
		}
		for (String text : List.of("barcode", "ean", "upc", "hs_code", "mid_code", "material")) {
			if (body.has(text) && !skip.contains(text)) {
				set.put(text, blankToNull(body.text(text, 200)));
			}
		}
		if (body.has("origin_country")) {
			set.put("origin_country", country(body, "origin_country"));
		}
		for (String flag : List.of("manage_inventory", "allow_backorder")) {
			if (body.has(flag) && !skip.contains(flag)) {
				Boolean b = body.bool(flag);
				if (b == null) {
					throw body.invalid(flag, "must be true or false");
				}
				set.put(flag, b);
			}
		}
		for (String number : List.of("weight", "length", "height", "width")) {
			if (body.has(number) && !skip.contains(number)) {
				set.put(number, body.nonNegative(number));
			}
		}
		if (body.has("variant_rank")) {
			set.put("variant_rank", body.integer("variant_rank", 0, 100_000));
		}
		if (body.has("metadata")) {
			set.put("metadata", new Jsonb(Json.write(body.metadata("metadata"))));
		}
		update("catalog.product_variant", variantId, set);
		if (body.has("options") && !skip.contains("options")) {
			setVariantOptions(variantId, body);
		}
	}

	/** Replaces a variant's option values; every option of the product needs a value, and no sibling may share them. */
	private void setVariantOptions(String variantId, Input body) {
		Input chosen = body.object("options");
		String productId = jdbc.queryForObject("select product_id from catalog.product_variant where id = ?", String.class,
				variantId);
		Map<String, Map<String, String>> valueIds = new LinkedHashMap<>();
		jdbc.query("""
				select o.title, v.value, v.id from catalog.product_option o
				join catalog.product_option_value v on v.option_id = o.id and v.deleted_at is null
				where o.product_id = ? and o.deleted_at is null order by o.rank, v.rank""", rs -> {
			valueIds.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
		}, productId);
		Map<String, String> given = new HashMap<>();
		if (chosen != null) {
			chosen.allow(valueIds.keySet());
			for (String option : chosen.names()) {
				given.put(option, chosen.requiredText(option, 200));
			}
		}
		if (given.isEmpty() && valueIds.size() == 1 && valueIds.values().iterator().next().size() == 1) {
			// A product with only the default option: its single value is implied.
			var only = valueIds.entrySet().iterator().next();
			given.put(only.getKey(), only.getValue().keySet().iterator().next());
		}
		if (!given.keySet().equals(valueIds.keySet())) {
			throw LoupeException.invalidData("options must give one value for each option of the product: "
					+ valueIds.keySet());
		}
		List<String> ids = new ArrayList<>();
		for (var e : given.entrySet()) {
			String valueId = valueIds.get(e.getKey()).get(e.getValue());
			if (valueId == null) {
				throw LoupeException.invalidData("Option " + e.getKey() + " has no value " + e.getValue());
			}
			ids.add(valueId);
		}
		List<String> clash = jdbc.queryForList("""
				select v.id from catalog.product_variant v where v.product_id = ? and v.id <> ? and v.deleted_at is null
				  and (select array_agg(option_value_id order by option_value_id) from catalog.product_variant_option
				       where variant_id = v.id) = ?::text[]""", String.class, productId, variantId,
				ids.stream().sorted().toArray(String[]::new));
		if (!clash.isEmpty()) {
			throw LoupeException.invalidData("Variant " + clash.getFirst() + " already has the options " + given);
		}
		jdbc.update("delete from catalog.product_variant_option where variant_id = ?", variantId);
		ids.forEach(v -> jdbc.update("insert into catalog.product_variant_option (variant_id, option_value_id) values (?, ?)",
				variantId, v));
	}

	private static Map<String, String> variantOptions(Input variant, List<ProductDraft.Option> options) {
		Input chosen = variant.object("options");
		Map<String, String> result = new LinkedHashMap<>();
		if (chosen == null) {
			if (options.size() == 1 && options.getFirst().values().size() == 1) {
				result.put(options.getFirst().title(), options.getFirst().values().getFirst());
				return result;
			}
			throw variant.invalid("options", "must give one value for each option");
		}
		chosen.allow(new HashSet<>(options.stream().map(ProductDraft.Option::title).toList()));
		for (ProductDraft.Option o : options) {
			String value = chosen.text(o.title(), 200);
			if (value == null || !o.values().contains(value)) {
				throw variant.invalid("options", "must give one of " + o.values() + " for " + o.title());
			}
			result.put(o.title(), value);
		}
		return result;
	}

	private static void requireDistinctCombinations(List<Map<String, String>> combinations) {
		Set<Map<String, String>> seen = new HashSet<>();
		for (Map<String, String> c : combinations) {
			if (!seen.add(c)) {
				throw LoupeException.invalidData("Two variants have the same options " + c);
			}
		}
	}

	// ---------------------------------------------------------------- options

	/** Adds an option with its values; returns its id. Existing variants need a value for it before the next edit. */
	public String createOption(String productId, Input body) {
		requireProduct(productId);
		body.allow(Set.of("title", "values", "metadata"));
		String title = body.requiredText("title", 200);
		List<String> values = body.texts("values", 200, 200);
		if (values == null || values.isEmpty() || new HashSet<>(values).size() != values.size()) {
			throw body.invalid("values", "must have at least one value and no repeats");
		}
		Integer taken = jdbc.queryForObject("""
				select count(*) from catalog.product_option where product_id = ? and title = ? and deleted_at is null""",
				Integer.class, productId, title);
		if (taken != null && taken > 0) {
			throw LoupeException.duplicate("Option " + title + " already exists on product " + productId);
		}
		String id = Ids.next("opt");
		Integer rank = jdbc.queryForObject("select count(*) from catalog.product_option where product_id = ? and deleted_at is null",
				Integer.class, productId);
		jdbc.update("insert into catalog.product_option (id, product_id, title, rank, metadata) values (?, ?, ?, ?, ?::jsonb)",
				id, productId, title, rank, Json.write(body.metadata("metadata")));
		for (int i = 0; i < values.size(); i++) {
			jdbc.update("insert into catalog.product_option_value (id, option_id, value, rank) values (?, ?, ?, ?)",
					Ids.next("optval"), id, values.get(i), i);
		}
		events.publishEvent(new ProductsChanged(List.of(productId)));
		return id;
	}

	/**
	 * Renames an option and/or sets its values: new values are added, values no longer listed are removed, which is
	 * refused while a variant uses them.
	 */
	public void updateOption(String productId, String optionId, Input body) {
		requireOption(productId, optionId);
		body.allow(Set.of("title", "values", "metadata"));
		Map<String, Object> set = new LinkedHashMap<>();
		if (body.has("title")) {
			set.put("title", body.requiredText("title", 200));
		}
		if (body.has("metadata")) {
			set.put("metadata", new Jsonb(Json.write(body.metadata("metadata"))));
		}
		update("catalog.product_option", optionId, set);
		if (body.has("values")) {
			List<String> values = body.texts("values", 200, 200);
			if (values == null || values.isEmpty() || new HashSet<>(values).size() != values.size()) {
				throw body.invalid("values", "must have at least one value and no repeats");
			}
			Map<String, String> existing = new LinkedHashMap<>();
			jdbc.query("select value, id from catalog.product_option_value where option_id = ? and deleted_at is null",
					rs -> {
						existing.put(rs.getString(1), rs.getString(2));
					}, optionId);
			for (var e : existing.entrySet()) {
				if (!values.contains(e.getKey())) {
					Integer used = jdbc.queryForObject("""
							select count(*) from catalog.product_variant_option vo join catalog.product_variant v
							  on v.id = vo.variant_id and v.deleted_at is null where vo.option_value_id = ?""", Integer.class,
							e.getValue());
					if (used != null && used > 0) {
						throw LoupeException.notAllowed("Option value " + e.getKey() + " is used by " + used
								+ " variant(s); change or delete them first");
					}
					jdbc.update("update catalog.product_option_value set deleted_at = now() where id = ?", e.getValue());
				}
			}
			for (int i = 0; i < values.size(); i++) {
				String valueId = existing.get(values.get(i));
				if (valueId == null) {
					jdbc.update("insert into catalog.product_option_value (id, option_id, value, rank) values (?, ?, ?, ?)",
							Ids.next("optval"), optionId, values.get(i), i);
				}
				else {
					jdbc.update("update catalog.product_option_value set rank = ? where id = ?", i, valueId);
				}
			}
		}
		events.publishEvent(new ProductsChanged(List.of(productId)));
	}

	/** Deletes an option; refused while live variants use its values. */
	public void deleteOption(String productId, String optionId) {
		requireOption(productId, optionId);
		Integer used = jdbc.queryForObject("""
				select count(*) from catalog.product_variant_option vo
				join catalog.product_option_value ov on ov.id = vo.option_value_id
				join catalog.product_variant v on v.id = vo.variant_id and v.deleted_at is null
				where ov.option_id = ?""", Integer.class, optionId);
		if (used != null && used > 0) {
			throw LoupeException.notAllowed("Option " + optionId + " is used by " + used
					+ " variant(s); delete them first");
		}
		jdbc.update("update catalog.product_option_value set deleted_at = now() where option_id = ?", optionId);
		jdbc.update("update catalog.product_option set deleted_at = now() where id = ?", optionId);
		events.publishEvent(new ProductsChanged(List.of(productId)));
	}

	// ---------------------------------------------------------------- collections

	@Transactional(readOnly = true)
	public Collection collection(String id) {
		return loader.collections(List.of(id)).stream().findFirst()
			.orElseThrow(() -> LoupeException.notFound("Product collection", id));
	}

	@Transactional(readOnly = true)
	public List<Collection> collections() {
		return loader.collections(null);
	}

	public String createCollection(Input body) {
		body.allow(Set.of("title", "handle", "metadata"));
		String title = body.requiredText("title", MAX_TITLE);
		String handle = body.has("handle") ? handle(body.text("handle", 200)) : handleFrom(title);
		requireFreeHandle("product_collection", "Product collection", handle, "");
		String id = Ids.next("pcol");
		jdbc.update("insert into catalog.product_collection (id, title, handle, metadata) values (?, ?, ?, ?::jsonb)", id,
				title, handle, Json.write(body.metadata("metadata")));
		// The Store API caches its collection list; a new collection must appear there.
		events.publishEvent(ProductsChanged.all());
		return id;
	}

	/** How many live products each collection holds, by collection id (collections without products are absent). */
	@Transactional(readOnly = true)
	public Map<String, Long> productCountsByCollection() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.query("""
				select collection_id, count(*) from catalog.product where collection_id is not null and deleted_at is null
				group by collection_id""", rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/** How many live products each category holds directly, by category id (empty categories are absent). */
	@Transactional(readOnly = true)
	public Map<String, Long> productCountsByCategory() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.query("""
				select cp.category_id, count(*) from catalog.product_category_product cp
				join catalog.product p on p.id = cp.product_id and p.deleted_at is null group by cp.category_id""", rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	public void updateCollection(String id, Input body) {
		collection(id);
		body.allow(Set.of("title", "handle", "metadata"));
		Map<String, Object> set = new LinkedHashMap<>();
		if (body.has("title")) {
			set.put("title", body.requiredText("title", MAX_TITLE));
		}
		if (body.has("handle")) {
			String handle = handle(body.text("handle", 200));
			requireFreeHandle("product_collection", "Product collection", handle, id);
			set.put("handle", handle);
		}
		if (body.has("metadata")) {
			set.put("metadata", new Jsonb(Json.write(body.metadata("metadata"))));
		}
		update("catalog.product_collection", id, set);
		events.publishEvent(ProductsChanged.all());
	}

	/** Deletes a collection; its products stay and belong to no collection. */
	public void deleteCollection(String id) {
		collection(id);
		jdbc.update("update catalog.product set collection_id = null, updated_at = now() where collection_id = ?", id);
		jdbc.update("update catalog.product_collection set deleted_at = now() where id = ?", id);
		events.publishEvent(ProductsChanged.all());
	}

	// ---------------------------------------------------------------- categories

	@Transactional(readOnly = true)
	public Category category(String id) {
		return loader.allCategories(List.of(id)).stream().findFirst()
			.orElseThrow(() -> LoupeException.notFound("Product category", id));
	}

	/** Every live category, inactive and internal ones included. */
	@Transactional(readOnly = true)
	public List<Category> categories() {
		return loader.allCategories(null);
	}

	public String createCategory(Input body) {
		body.allow(Set.of("name", "handle", "description", "parent_category_id", "rank", "is_active", "is_internal",
				"metadata"));
		String name = body.requiredText("name", MAX_TITLE);
		String handle = body.has("handle") ? handle(body.text("handle", 200)) : handleFrom(name);
		requireFreeHandle("product_category", "Product category", handle, "");
		String id = Ids.next("pcat");
		String parent = body.text("parent_category_id", 100);
		String mpath = parent == null ? id : category(parent).mpath() + "." + id;
		Integer rank = body.integer("rank", 0, 100_000);
		jdbc.update("""
				insert into catalog.product_category (id, name, description, handle, mpath, parent_category_id, rank,
				  is_active, is_internal, metadata) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", id, name,
				orEmpty(body.text("description", 20_000)), handle, mpath, parent, rank == null ? 0 : rank,
				!Boolean.FALSE.equals(body.bool("is_active")), Boolean.TRUE.equals(body.bool("is_internal")),
				Json.write(body.metadata("metadata")));
		events.publishEvent(ProductsChanged.all());
		return id;
	}

	/** Updates a category; moving it under another parent moves its whole subtree, and a move into itself is refused. */
	public void updateCategory(String id, Input body) {
		Category current = category(id);
		body.allow(Set.of("name", "handle", "description", "parent_category_id", "rank", "is_active", "is_internal",
				"metadata"));
		Map<String, Object> set = new LinkedHashMap<>();
		if (body.has("name")) {
			set.put("name", body.requiredText("name", MAX_TITLE));
		}
		if (body.has("handle")) {
			String handle = handle(body.text("handle", 200));
			requireFreeHandle("product_category", "Product category", handle, id);
			set.put("handle", handle);
		}
		if (body.has("description")) {
			set.put("description", orEmpty(body.text("description", 20_000)));
		}
		if (body.has("rank")) {
			set.put("rank", body.integer("rank", 0, 100_000));
		}
		for (String flag : List.of("is_active", "is_internal")) {
			if (body.has(flag)) {
				Boolean b = body.bool(flag);
				if (b == null) {
					throw body.invalid(flag, "must be true or false");
				}
				set.put(flag, b);
			}
		}
		if (body.has("metadata")) {
			set.put("metadata", new Jsonb(Json.write(body.metadata("metadata"))));
		}
		update("catalog.product_category", id, set);
		if (body.has("parent_category_id")) {
			String parent = body.text("parent_category_id", 100);
			String newPath = id;
			if (parent != null) {
				String parentPath = category(parent).mpath();
				if (parent.equals(id) || parentPath.startsWith(current.mpath() + ".")) {
					throw LoupeException.invalidData("A category cannot be moved under itself or one of its descendants");
				}
				newPath = parentPath + "." + id;
			}
			jdbc.update("update catalog.product_category set parent_category_id = ?, mpath = ? where id = ?", parent,
					newPath, id);
			jdbc.update("""
					update catalog.product_category set mpath = ? || substr(mpath, ?) where mpath like ? escape '\\'""",
					newPath, current.mpath().length() + 1, current.mpath().replace("_", "\\_") + ".%");
		}
		events.publishEvent(ProductsChanged.all());
	}

	/** Deletes a category without live children; its products stay, without it. */
	public void deleteCategory(String id) {
		category(id);
		Integer children = jdbc.queryForObject(
				"select count(*) from catalog.product_category where parent_category_id = ? and deleted_at is null",
				Integer.class, id);
		if (children != null && children > 0) {
			throw LoupeException.notAllowed("Category " + id + " has " + children
					+ " subcategories; move or delete them first");
		}
		jdbc.update("delete from catalog.product_category_product where category_id = ?", id);
		jdbc.update("update catalog.product_category set deleted_at = now() where id = ?", id);
		events.publishEvent(ProductsChanged.all());
	}

	// ---------------------------------------------------------------- types and tags

	@Transactional(readOnly = true)
	public List<Product.Type> types() {
		return loader.types();
	}

	@Transactional(readOnly = true)
	public List<Product.Tag> tags() {
		return loader.tags();
	}

	/** Creates a product type ("Frames"); its value must be new. */
	public Product.Type createType(Input body) {
		return createValue(body, "product_type", "ptyp", "Product type").map(Product.Type::new);
	}

	/** Creates a product tag ("titanium"); its value must be new. */
	public Product.Tag createTag(Input body) {
		return createValue(body, "product_tag", "ptag", "Product tag").map(Product.Tag::new);
	}

	private record Created(String id, String value, java.time.Instant at) {

		<T> T map(ValueFactory<T> factory) {
			return factory.create(id, value, at, at);
		}
	}

	private interface ValueFactory<T> {
		T create(String id, String value, java.time.Instant createdAt, java.time.Instant updatedAt);
	}

	private Created createValue(Input body, String table, String prefix, String what) {
		body.allow(Set.of("value", "metadata"));
		String value = body.requiredText("value", 200);
		String id = Ids.next(prefix);
		int inserted = jdbc.update("insert into catalog." + table + " (id, value, metadata) values (?, ?, ?::jsonb)"
				+ " on conflict (value) do nothing", id, value, Json.write(body.metadata("metadata")));
		if (inserted == 0) {
			throw LoupeException.duplicate(what + " with value: " + value + ", already exists.");
		}
		return new Created(id, value, jdbc.queryForObject("select created_at from catalog." + table + " where id = ?",
				java.sql.Timestamp.class, id).toInstant());
	}

	// ---------------------------------------------------------------- shared

	/** Keeps the search document in step with what it is made of: title, texts, type, tags and SKUs. */
	private void refreshSearchText(String productId) {
		jdbc.update("""
				update catalog.product p set search_text = concat_ws(' ', p.title, p.subtitle, p.description,
				  (select t.value from catalog.product_type t where t.id = p.type_id),
				  (select string_agg(t.value, ' ') from catalog.product_tags pt join catalog.product_tag t on t.id = pt.tag_id
				   where pt.product_id = p.id),
				  (select string_agg(v.sku, ' ') from catalog.product_variant v
				   where v.product_id = p.id and v.deleted_at is null and v.sku is not null))
				where p.id = ?""", productId);
	}

	private String tagId(String value) {
		jdbc.update("insert into catalog.product_tag (id, value) values (?, ?) on conflict (value) do nothing",
				Ids.next("ptag"), value);
		return jdbc.queryForObject("select id from catalog.product_tag where value = ?", String.class, value);
	}

	/** A jsonb column value. */
	private record Jsonb(String json) {
	}

	private void update(String table, String id, Map<String, Object> set) {
		if (set.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("update " + table + " set updated_at = now()");
		List<Object> args = new ArrayList<>();
		set.forEach((column, value) -> {
			if (value instanceof Jsonb j) {
				sql.append(", ").append(column).append(" = ?::jsonb");
				args.add(j.json());
			}
			else {
				sql.append(", ").append(column).append(" = ?");
				args.add(value);
			}
		});
		sql.append(" where id = ?");
		args.add(id);
		jdbc.update(sql.toString(), args.toArray());
	}

	private void requireProduct(String id) {
		requireLive("product", "Product", id);
	}

	/** A live variant of a live product; a variant of another product is not found either. */
	private void requireVariant(String productId, String variantId) {
		requireProduct(productId);
		requireLive("product_variant", "Variant", variantId, " and product_id = ?", productId);
	}

	private void requireOption(String productId, String optionId) {
		requireProduct(productId);
		requireLive("product_option", "Product option", optionId, " and product_id = ?", productId);
	}

	private void requireLive(String table, String what, String id) {
		requireLive(table, what, id, "", null);
	}

	private void requireLive(String table, String what, String id, String andParent, String parentId) {
		Object[] args = parentId == null ? new Object[] { id } : new Object[] { id, parentId };
		Integer n = jdbc.queryForObject("select count(*) from catalog." + table + " where id = ? and deleted_at is null"
				+ andParent, Integer.class, args);
		if (n == null || n == 0) {
			throw LoupeException.notFound(what, id);
		}
	}

	private void requireFreeHandle(String table, String what, String handle, String exceptId) {
		Integer n = jdbc.queryForObject("select count(*) from catalog." + table
				+ " where handle = ? and id <> ? and deleted_at is null", Integer.class, handle, exceptId);
		if (n != null && n > 0) {
			throw LoupeException.duplicate(what + " with handle: " + handle + ", already exists.");
		}
	}

	private static String handle(String handle) {
		if (handle == null || !HANDLE.matcher(handle).matches()) {
			throw LoupeException.invalidData("handle must be lowercase letters, digits and dashes");
		}
		return handle;
	}

	/** A handle made from a title, as Medusa does: "Loupé One" becomes "loupe-one". */
	static String handleFrom(String title) {
		String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String handle = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (handle.length() > 200) {
			handle = handle.substring(0, 200).replaceAll("-+$", "");
		}
		return handle.isEmpty() ? Ids.next("h").substring(2).toLowerCase(Locale.ROOT) : handle;
	}

	private static String status(String status) {
		if (status == null) {
			return null;
		}
		if (!STATUSES.contains(status)) {
			throw LoupeException.invalidData("status must be one of " + STATUSES.stream().sorted().toList());
		}
		return status;
	}

	private static ProductKind kind(String kind) {
		if (kind == null) {
			return null;
		}
		for (ProductKind k : ProductKind.values()) {
			if (k.code().equals(kind)) {
				return k;
			}
		}
		throw LoupeException.invalidData("kind must be one of "
				+ java.util.Arrays.stream(ProductKind.values()).map(ProductKind::code).toList());
	}

	private static String country(Input body, String field) {
		String code = body.text(field, 2);
		if (code == null) {
			return null;
		}
		if (!code.matches("[A-Za-z]{2}")) {
			throw body.invalid(field, "must be a two-letter ISO country code");
		}
		return code.toLowerCase(Locale.ROOT);
	}

	private static String url(Input body, String field) {
		String url = body.text(field, 2000);
		if (url == null) {
			return null;
		}
		if (!(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/files/"))
				|| url.chars().anyMatch(c -> c <= ' ')) {
			throw body.invalid(field, "must be an http(s) URL or a /files/ path of an upload");
		}
		return url;
	}

	private static <T> Set<T> union(Set<T> a, Set<T> b) {
		Set<T> all = new HashSet<>(a);
		all.addAll(b);
		return all;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}

	private static List<String> orEmpty(List<String> list) {
		return list == null ? List.of() : list;
	}

	private static boolean orTrue(Boolean b) {
		return b == null || b;
	}
}
