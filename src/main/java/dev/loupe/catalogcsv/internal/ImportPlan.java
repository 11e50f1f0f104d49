package dev.loupe.catalogcsv.internal;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.catalogcsv.RowError;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A product CSV checked row by row against the format and the catalogue as it is: every row's errors are collected
 * (up to {@link #MAX_ERRORS}); a plan with errors is never run. Rows are grouped by handle into products, in the order
 * their handles first appear.
 */
public final class ImportPlan {

	/** The columns of the file, in the order the export writes them; an import needs exactly these, in any order. */
	public static final List<String> COLUMNS = List.of("handle", "title", "status", "option", "option_value", "sku",
			"variant_title", "price_usd", "price_eur", "price_gbp", "stock");
	public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");
	public static final int MAX_ROWS = 50_000;
	public static final int MAX_ERRORS = 100;
	public static final int MAX_STOCK = 1_000_000;
	private static final Pattern HANDLE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
	private static final Set<String> STATUSES = Set.of("draft", "published", "proposed", "rejected");
	public static final String DEFAULT_OPTION = "Default option";

	/** One checked row. {@code prices} holds the currencies with a price; {@code stock} is null to leave it. */
	public record Row(int line, String handle, String title, String status, String option, String optionValue,
			String sku, String variantTitle, Map<String, Money> prices, Integer stock) {
	}

	/** The rows of one product. */
	public record Group(String handle, List<Row> rows) {
	}

	private final List<Group> groups;
	private final int rows;
	private final List<RowError> errors;

	private ImportPlan(List<Group> groups, int rows, List<RowError> errors) {
		this.groups = groups;
		this.rows = rows;
		this.errors = errors;
	}

	public List<Group> groups() {
		return groups;
	}

	public int rows() {
		return rows;
	}

	public List<RowError> errors() {
		return errors;
	}

	/** Only the file's own rules (no catalogue lookups): for the job, which re-reads the catalogue per batch. */
	public static ImportPlan parse(String text) {
		return check(text, null);
	}

	/** Checks a file: its text is UTF-8 already decoded; {@code catalog} null skips the catalogue's checks. */
	public static ImportPlan check(String text, CatalogAdmin catalog) {
		List<RowError> errors = new ArrayList<>();
		if (text.indexOf('\0') >= 0) {
			int line = 1 + (int) text.substring(0, text.indexOf('\0')).chars().filter(c -> c == '\n').count();
			return failed(new RowError(line, null, "the file contains a NUL byte; it is not a text CSV file"));
		}
		List<Csv.Line> lines;
		try {
			lines = Csv.parse(text);
		}
		catch (Csv.Malformed e) {
			return failed(new RowError(e.line, null, "not readable as CSV: " + e.getMessage()));
		}
		if (lines.isEmpty()) {
			return failed(new RowError(1, null, "the file is empty; the first line must be the header "
					+ String.join(",", COLUMNS)));
		}
		List<String> header = lines.getFirst().fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		Set<String> missing = new java.util.LinkedHashSet<>(COLUMNS);
		header.forEach(missing::remove);
		List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
		if (!missing.isEmpty() || !unknown.isEmpty() || header.size() != COLUMNS.size()) {
			StringBuilder m = new StringBuilder("the header must name the columns " + String.join(",", COLUMNS));
			if (!missing.isEmpty()) {
				m.append("; missing: ").append(String.join(", ", missing));
			}
			if (!unknown.isEmpty()) {
				m.append("; unknown: ").append(String.join(", ", unknown.stream().map(ImportPlan::shorten).toList()));
			}
			if (missing.isEmpty() && unknown.isEmpty()) {
				m.append("; a column is named twice");
			}
			return failed(new RowError(1, null, m.toString()));
		}
		if (lines.size() - 1 > MAX_ROWS) {
			return failed(new RowError(MAX_ROWS + 2, null, "a file has at most " + MAX_ROWS + " rows; split it"));
		}
		Map<String, Integer> at = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			at.put(header.get(i), i);
		}
		Map<String, List<Row>> byHandle = new LinkedHashMap<>();
		Map<String, Integer> skuLines = new HashMap<>();
		int count = 0;
		for (Csv.Line line : lines.subList(1, lines.size())) {
			count++;
			if (errors.size() >= MAX_ERRORS) {
				continue;
			}
			Row row = row(line, at, errors, skuLines);
			if (row != null) {
				byHandle.computeIfAbsent(row.handle(), h -> new ArrayList<>()).add(row);
			}
		}
		if (count == 0) {
			errors.add(new RowError(2, null, "the file has a header but no rows"));
		}
		List<Group> groups = new ArrayList<>();
		byHandle.forEach((handle, rows) -> groups.add(new Group(handle, rows)));
		for (Group g : groups) {
			checkGroup(g, errors);
		}
		if (catalog != null && errors.isEmpty()) {
			checkAgainstCatalog(groups, catalog, errors);
		}
		return new ImportPlan(groups, count, errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
	}

	private static ImportPlan failed(RowError error) {
		return new ImportPlan(List.of(), 0, List.of(error));
	}

	private static Row row(Csv.Line line, Map<String, Integer> at, List<RowError> errors, Map<String, Integer> skuLines) {
		int n = line.number();
		if (line.fields().size() != COLUMNS.size()) {
			errors.add(new RowError(n, null, "has " + line.fields().size() + " fields; the header has " + COLUMNS.size()));
			return null;
		}
		int before = errors.size();
		String handle = text(line, at, "handle", 200, errors);
		if (handle.isEmpty()) {
			errors.add(new RowError(n, "handle", "is required"));
		}
		else if (!HANDLE.matcher(handle).matches()) {
			errors.add(new RowError(n, "handle", "must be lower-case letters and digits joined by hyphens, not "
					+ shorten(handle)));
		}
		String title = text(line, at, "title", 500, errors);
		if (title.isEmpty()) {
			errors.add(new RowError(n, "title", "is required"));
		}
		String status = text(line, at, "status", 20, errors).toLowerCase(Locale.ROOT);
		if (status.isEmpty()) {
			status = "draft";
		}
		else if (!STATUSES.contains(status)) {
			errors.add(new RowError(n, "status", "must be draft, published, proposed or rejected, not " + shorten(status)));
		}
		String option = text(line, at, "option", 200, errors);
		String optionValue = text(line, at, "option_value", 200, errors);
		if (option.isEmpty() && !optionValue.isEmpty()) {
			errors.add(new RowError(n, "option", "is required with an option value (such as Colour for Red)"));
		}
		if (!option.isEmpty() && optionValue.isEmpty()) {
			errors.add(new RowError(n, "option_value", "is required when the option is named"));
		}
		if (option.equals(DEFAULT_OPTION)) {
			// The export writes a product without options with an empty option; this name is reserved for that.
			option = "";
			optionValue = "";
		}
		String sku = text(line, at, "sku", 200, errors);
		if (sku.isEmpty()) {
			errors.add(new RowError(n, "sku", "is required: the import finds variants by SKU"));
		}
		else {
			Integer first = skuLines.putIfAbsent(sku, n);
			if (first != null) {
				errors.add(new RowError(n, "sku", "duplicate SKU " + shorten(sku) + " (also on line " + first + ")"));
			}
		}
		String variantTitle = text(line, at, "variant_title", 500, errors);
		if (variantTitle.isEmpty()) {
			variantTitle = optionValue.isEmpty() ? title : optionValue;
		}
		Map<String, Money> prices = new LinkedHashMap<>();
		for (String currency : CURRENCIES) {
			String column = "price_" + currency.toLowerCase(Locale.ROOT);
			String value = text(line, at, column, 30, errors);
			if (!value.isEmpty()) {
				Money money = price(value, currency);
				if (money == null) {
					errors.add(new RowError(n, column, "must be an amount such as 12.50 (at most "
							+ Math.max(0, Money.currency(currency).getDefaultFractionDigits()) + " decimals, not negative), not "
							+ shorten(value)));
				}
				else {
					prices.put(currency, money);
				}
			}
		}
		String stockText = text(line, at, "stock", 20, errors);
		Integer stock = null;
		if (!stockText.isEmpty()) {
			if (!stockText.matches("[0-9]{1,7}") || Integer.parseInt(stockText) > MAX_STOCK) {
				errors.add(new RowError(n, "stock", "must be a whole number from 0 to " + MAX_STOCK + ", not "
						+ shorten(stockText)));
			}
			else {
				stock = Integer.parseInt(stockText);
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new Row(n, handle, title, status, option, optionValue, sku, variantTitle, prices, stock);
	}

	/** The rows of one handle must agree on the product's title, status and option; option values are distinct. */
	private static void checkGroup(Group g, List<RowError> errors) {
		Row first = g.rows().getFirst();
		Set<String> values = new HashSet<>();
		for (Row r : g.rows()) {
			if (r != first) {
				if (!r.title().equals(first.title())) {
					errors.add(new RowError(r.line(), "title", "differs from line " + first.line() + " of the same handle"));
				}
				if (!r.status().equals(first.status())) {
					errors.add(new RowError(r.line(), "status", "differs from line " + first.line() + " of the same handle"));
				}
				if (!r.option().equals(first.option())) {
					errors.add(new RowError(r.line(), "option", "differs from line " + first.line()
							+ " of the same handle; a product has one option here"));
				}
			}
			if (!values.add(r.optionValue())) {
				errors.add(new RowError(r.line(), "option_value", r.optionValue().isEmpty()
						? "a product without an option has one variant; name an option (such as Size) for several"
						: "two variants of " + g.handle() + " have the value " + shorten(r.optionValue())));
			}
		}
	}

	private static void checkAgainstCatalog(List<Group> groups, CatalogAdmin catalog, List<RowError> errors) {
		for (int from = 0; from < groups.size(); from += 500) {
			List<Group> chunk = groups.subList(from, Math.min(groups.size(), from + 500));
			Map<String, String> owners = catalog.productHandlesBySku(
					chunk.stream().flatMap(g -> g.rows().stream()).map(Row::sku).toList());
			Map<String, Product> existing = new HashMap<>();
			catalog.productsByHandle(chunk.stream().map(Group::handle).toList()).forEach(p -> existing.put(p.handle(), p));
			for (Group g : chunk) {
				for (Row r : g.rows()) {
					String owner = owners.get(r.sku());
					if (owner != null && !owner.equals(g.handle())) {
						errors.add(new RowError(r.line(), "sku", "SKU " + shorten(r.sku()) + " belongs to the product "
								+ owner));
					}
				}
				Product p = existing.get(g.handle());
				if (p != null) {
					checkExisting(g, p, errors);
				}
			}
		}
	}

	/** An existing product keeps its option; a matched variant keeps its value; a new variant needs a free value. */
	private static void checkExisting(Group g, Product p, List<RowError> errors) {
		List<Product.Option> options = p.options() == null ? List.of() : p.options();
		String csvOption = g.rows().getFirst().option();
		Row first = g.rows().getFirst();
		boolean defaultOnly = options.size() == 1 && options.getFirst().title().equals(DEFAULT_OPTION);
		if (csvOption.isEmpty() ? !defaultOnly && !options.isEmpty()
				: options.size() != 1 || !options.getFirst().title().equals(csvOption)) {
			errors.add(new RowError(first.line(), "option", "the product " + g.handle() + " has the options "
					+ options.stream().map(Product.Option::title).toList() + "; the import cannot change them"));
			return;
		}
		Map<String, Product.Variant> bySku = new HashMap<>();
		Map<String, String> skuByValue = new HashMap<>();
		for (Product.Variant v : p.variants()) {
			if (v.sku() != null) {
				bySku.put(v.sku(), v);
			}
			String value = v.options() == null || v.options().isEmpty() ? "" : v.options().getFirst().value();
			skuByValue.put(csvOption.isEmpty() ? "" : value, v.sku() == null ? "(no SKU)" : v.sku());
		}
		for (Row r : g.rows()) {
			Product.Variant v = bySku.get(r.sku());
			if (v != null) {
				String value = v.options() == null || v.options().isEmpty() ? "" : v.options().getFirst().value();
				if (!csvOption.isEmpty() && !value.equals(r.optionValue())) {
					errors.add(new RowError(r.line(), "option_value", "the variant " + shorten(r.sku()) + " is "
							+ csvOption + ": " + value + "; the import cannot change it"));
				}
			}
			else {
				String taken = skuByValue.get(r.optionValue());
				if (taken != null) {
					errors.add(new RowError(r.line(), "sku", "the product " + g.handle() + " has a variant "
							+ (r.optionValue().isEmpty() ? "already (SKU " + taken + ")"
									: "with " + csvOption + ": " + r.optionValue() + " under the SKU " + taken)));
				}
			}
		}
	}

	private static String text(Csv.Line line, Map<String, Integer> at, String column, int max, List<RowError> errors) {
		String value = line.fields().get(at.get(column)).strip();
		if (value.length() > max) {
			errors.add(new RowError(line.number(), column, "is longer than " + max + " characters"));
			return "";
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i)) && column.equals("handle")) {
				errors.add(new RowError(line.number(), column, "contains a control character"));
				return "";
			}
		}
		return value;
	}

	static Money price(String text, String currency) {
		int scale = Math.max(0, Money.currency(currency).getDefaultFractionDigits());
		if (!text.matches("[0-9]{1,10}(\\.[0-9]{1," + Math.max(1, scale) + "})?")) {
			return null;
		}
		BigDecimal value = new BigDecimal(text);
		return value.scale() > scale ? null : Money.of(value, currency);
	}

	private static String shorten(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return "\"" + (clean.length() > 40 ? clean.substring(0, 40) + "…" : clean) + "\"";
	}
}
