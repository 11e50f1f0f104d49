package dev.loupe.catalogcsv;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.catalogcsv.internal.Csv;
import dev.loupe.catalogcsv.internal.ImportPlan;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.VariantPrice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Writes every live product as CSV, a page of products at a time (the whole catalogue is never in memory): one row per
 * variant with the product's handle, title, status and option, the variant's SKU, title and option value, its base
 * prices per currency and its stock at the default (first) stock location — the file the import reads back.
 */
@Service
public class ProductExport {

	private static final int PAGE = 200;

	private final CatalogAdmin catalog;
	private final PriceSetup prices;
	private final StockSetup stock;
	private final StockLevels levels;

	ProductExport(CatalogAdmin catalog, PriceSetup prices, StockSetup stock, StockLevels levels) {
		this.catalog = catalog;
		this.prices = prices;
		this.stock = stock;
		this.levels = levels;
	}

	/** Writes the header and every product; returns the number of rows written. */
	public int write(Writer out) {
		Csv.write(out, ImportPlan.COLUMNS);
		List<StockLocation> locations = stock.locations();
		String location = locations.isEmpty() ? null : locations.getFirst().id();
		int rows = 0;
		for (int offset = 0;; offset += PAGE) {
			List<Product> page = catalog.products(null, List.of(), PAGE, offset);
			if (page.isEmpty()) {
				break;
			}
			List<String> variantIds = page.stream().flatMap(p -> p.variants().stream()).map(Product.Variant::id).toList();
			Map<String, List<VariantPrice>> stored = prices.basePrices(variantIds);
			Map<String, Integer> stocked = new HashMap<>();
			if (location != null) {
				levels.levels(variantIds).stream().filter(l -> l.locationId().equals(location))
					.forEach(l -> stocked.put(l.variantId(), l.stocked()));
			}
			for (Product p : page) {
				for (Product.Variant v : p.variants()) {
					out(out, p, v, stored.getOrDefault(v.id(), List.of()), stocked.get(v.id()));
					rows++;
				}
			}
			try {
				out.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		return rows;
	}

	private static void out(Writer out, Product p, Product.Variant v, List<VariantPrice> stored, Integer stocked) {
		String option = "";
		String value = "";
		if (v.options() != null && !v.options().isEmpty()
				&& !v.options().getFirst().optionTitle().equals(ImportPlan.DEFAULT_OPTION)) {
			option = v.options().getFirst().optionTitle();
			value = v.options().getFirst().value();
		}
		List<String> row = new ArrayList<>(List.of(p.handle(), p.title(), p.status(), option, value,
				v.sku() == null ? "" : v.sku(), v.title()));
		for (String currency : ImportPlan.CURRENCIES) {
			row.add(stored.stream().filter(vp -> vp.regionId() == null && vp.amount().currencyCode().equals(currency))
				.findFirst().map(vp -> plain(vp.amount())).orElse(""));
		}
		row.add(stocked == null ? "" : Integer.toString(stocked));
		Csv.write(out, row);
	}

	/** The amount with the currency's decimals ("21.50"): Money keeps amounts without trailing zeros. */
	private static String plain(dev.loupe.platform.Money money) {
		return money.amount().setScale(dev.loupe.platform.Money.scaleOf(money.currency()), dev.loupe.platform.Money.ROUNDING)
			.toPlainString();
	}
}
