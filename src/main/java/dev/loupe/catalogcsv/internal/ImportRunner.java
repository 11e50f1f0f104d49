package dev.loupe.catalogcsv.internal;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.catalogcsv.ProductImport;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.Markets;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.VariantPrice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: products in batches of about {@value #BATCH_ROWS} rows, each batch in one transaction with the job's
 * progress, so that a revived job resumes after the last committed batch and a batch is written whole or not at all.
 * Upserts: a new handle creates the product, a known one updates its title and status; a known SKU updates its variant,
 * a new one adds it; prices and stock are set only where they differ, so re-importing a file changes nothing.
 */
@Component
public class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
	static final int BATCH_ROWS = 100;
	private static final String DEFAULT_VALUE = "Default option value";

	private final ImportJobs jobs;
	private final CatalogAdmin catalog;
	private final CatalogImport importer;
	private final PriceSetup prices;
	private final StockSetup stock;
	private final StockLevels levels;
	private final Markets markets;
	private final TransactionTemplate tx;

	ImportRunner(ImportJobs jobs, CatalogAdmin catalog, CatalogImport importer, PriceSetup prices, StockSetup stock,
			StockLevels levels, Markets markets, TransactionTemplate tx) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.importer = importer;
		this.prices = prices;
		this.stock = stock;
		this.levels = levels;
		this.markets = markets;
		this.tx = tx;
	}

	/** Runs the job to its end; never throws for a refused row (the job fails with the reason instead). */
	public void run(String id) {
		if (!jobs.start(id)) {
			return;
		}
		ProductImport job = jobs.find(id).orElseThrow();
		try {
			ImportPlan plan = ImportPlan.parse(jobs.content(id).orElse(""));
			if (!plan.errors().isEmpty()) {
				throw LoupeException.invalidData(plan.errors().getFirst().toString());
			}
			List<String> channels = markets.defaultSalesChannelId().map(List::of).orElse(List.of());
			int done = 0;
			List<ImportPlan.Group> batch = new ArrayList<>();
			int batchRows = 0;
			for (ImportPlan.Group g : plan.groups()) {
				done += g.rows().size();
				if (done <= job.processedRows()) {
					continue;
				}
				batch.add(g);
				batchRows += g.rows().size();
				if (batchRows >= BATCH_ROWS) {
					write(id, batch, done, channels);
					batch = new ArrayList<>();
					batchRows = 0;
				}
			}
			if (!batch.isEmpty()) {
				write(id, batch, done, channels);
			}
			jobs.finish(id, ProductImport.COMPLETED, null);
		}
		catch (LoupeException e) {
			jobs.finish(id, ProductImport.FAILED, e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Product import {} failed", id, e);
			jobs.finish(id, ProductImport.FAILED, "The import stopped on an unexpected error; the batches before it were"
					+ " written. The error is in the server's log.");
		}
	}

	private void write(String id, List<ImportPlan.Group> batch, int processed, List<String> channels) {
		tx.executeWithoutResult(s -> {
			Counts counts = new Counts();
			Map<String, String> variantBySku = new HashMap<>();
			Map<String, Product> existing = new HashMap<>();
			catalog.productsByHandle(batch.stream().map(ImportPlan.Group::handle).toList())
				.forEach(p -> existing.put(p.handle(), p));
			List<ImportPlan.Group> fresh = batch.stream().filter(g -> !existing.containsKey(g.handle())).toList();
			if (!fresh.isEmpty()) {
				List<ImportedProduct> created = importer.importProducts(fresh.stream().map(ImportRunner::draft).toList(),
						channels);
				for (int i = 0; i < fresh.size(); i++) {
					ImportPlan.Group g = fresh.get(i);
					ImportedProduct p = created.get(i);
					for (int j = 0; j < g.rows().size(); j++) {
						variantBySku.put(g.rows().get(j).sku(), p.variantIds().get(j));
					}
					String status = g.rows().getFirst().status();
					if (!status.equals("draft") && !status.equals("published")) {
						catalog.updateProduct(p.productId(), Input.of(Map.of("status", status)));
					}
					counts.createdProducts++;
					counts.createdVariants += g.rows().size();
				}
			}
			java.util.Set<String> created = new java.util.HashSet<>(variantBySku.values());
			List<String> updatedVariants = new ArrayList<>();
			for (ImportPlan.Group g : batch) {
				Product p = existing.get(g.handle());
				if (p != null) {
					update(p, g, variantBySku, created, updatedVariants, counts);
				}
			}
			setPricesAndStock(batch, variantBySku, created, updatedVariants);
			counts.updatedVariants = (int) updatedVariants.stream().distinct().filter(v -> !created.contains(v)).count();
			jobs.progress(id, processed, counts.createdProducts, counts.updatedProducts, counts.createdVariants,
					counts.updatedVariants);
		});
	}

	private void update(Product p, ImportPlan.Group g, Map<String, String> variantBySku, java.util.Set<String> created,
			List<String> updatedVariants, Counts counts) {
		ImportPlan.Row first = g.rows().getFirst();
		if (!p.title().equals(first.title()) || !p.status().equals(first.status())) {
			catalog.updateProduct(p.id(), Input.of(Map.of("title", first.title(), "status", first.status())));
			counts.updatedProducts++;
		}
		Map<String, Product.Variant> bySku = new HashMap<>();
		p.variants().stream().filter(v -> v.sku() != null).forEach(v -> bySku.put(v.sku(), v));
		for (ImportPlan.Row r : g.rows()) {
			Product.Variant v = bySku.get(r.sku());
			if (v != null) {
				variantBySku.put(r.sku(), v.id());
				if (!v.title().equals(r.variantTitle())) {
					catalog.updateVariant(p.id(), v.id(), Input.of(Map.of("title", r.variantTitle())));
					updatedVariants.add(v.id());
				}
				continue;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("title", r.variantTitle());
			body.put("sku", r.sku());
			if (!r.option().isEmpty()) {
				Product.Option option = p.options().getFirst();
				List<String> values = new ArrayList<>(option.values().stream().map(Product.OptionValue::value).toList());
				if (!values.contains(r.optionValue())) {
					values.add(r.optionValue());
					catalog.updateOption(p.id(), option.id(), Input.of(Map.of("values", values)));
				}
				body.put("options", Map.of(r.option(), r.optionValue()));
			}
			String variantId = catalog.createVariant(p.id(), Input.of(body));
			variantBySku.put(r.sku(), variantId);
			created.add(variantId);
			counts.createdVariants++;
		}
	}

	private void setPricesAndStock(List<ImportPlan.Group> batch, Map<String, String> variantBySku,
			java.util.Set<String> created, List<String> updatedVariants) {
		List<ImportPlan.Row> rows = batch.stream().flatMap(g -> g.rows().stream()).toList();
		List<String> variantIds = rows.stream().map(r -> variantBySku.get(r.sku())).toList();
		Map<String, List<VariantPrice>> stored = prices.basePrices(variantIds);
		Map<String, Integer> stocked = new HashMap<>();
		String location = null;
		if (rows.stream().anyMatch(r -> r.stock() != null)) {
			List<StockLocation> locations = stock.locations();
			if (locations.isEmpty()) {
				throw LoupeException.notAllowed("There is no stock location; create one before importing stock.");
			}
			location = locations.getFirst().id();
			for (StockLevels.Level l : levels.levels(variantIds)) {
				if (l.locationId().equals(location)) {
					stocked.put(l.variantId(), l.stocked());
				}
			}
		}
		List<StockSetup.Stock> changes = new ArrayList<>();
		List<PriceDraft> fresh = new ArrayList<>();
		for (ImportPlan.Row r : rows) {
			String variantId = variantBySku.get(r.sku());
			if (created.contains(variantId)) {
				// A product created by this batch has no prices yet: one batch insert for all of them.
				r.prices().values().forEach(m -> fresh.add(PriceDraft.of(variantId, m)));
			}
			else if (!r.prices().isEmpty()) {
				Map<String, Money> current = new HashMap<>();
				stored.getOrDefault(variantId, List.of()).stream().filter(p -> p.regionId() == null)
					.forEach(p -> current.put(p.amount().currencyCode(), p.amount()));
				if (!same(current, r.prices())) {
					prices.replaceBasePrices(variantId, r.prices().values().stream()
						.map(m -> PriceDraft.of(variantId, m)).toList());
					updatedVariants.add(variantId);
				}
			}
			if (r.stock() != null && !r.stock().equals(stocked.get(variantId))) {
				changes.add(new StockSetup.Stock(variantId, location, r.stock()));
				updatedVariants.add(variantId);
			}
		}
		if (!fresh.isEmpty()) {
			prices.addPrices(fresh);
		}
		if (!changes.isEmpty()) {
			stock.setStock(changes);
		}
	}

	private static boolean same(Map<String, Money> current, Map<String, Money> wanted) {
		if (!current.keySet().equals(wanted.keySet())) {
			return false;
		}
		return wanted.entrySet().stream().allMatch(e -> current.get(e.getKey()).compareTo(e.getValue()) == 0);
	}

	private static ProductDraft draft(ImportPlan.Group g) {
		ImportPlan.Row first = g.rows().getFirst();
		boolean noOption = first.option().isEmpty();
		String optionTitle = noOption ? ImportPlan.DEFAULT_OPTION : first.option();
		List<String> values = noOption ? List.of(DEFAULT_VALUE)
				: g.rows().stream().map(ImportPlan.Row::optionValue).toList();
		List<ProductDraft.Variant> variants = g.rows().stream()
			.map(r -> new ProductDraft.Variant(r.variantTitle(), r.sku(), null,
					Map.of(optionTitle, noOption ? DEFAULT_VALUE : r.optionValue()), true, false, null))
			.toList();
		return new ProductDraft(g.handle(), first.title(), null, null, ProductKind.STANDARD,
				first.status().equals("published"), null, List.of(), null, null, null, null, null, List.of(), null,
				List.of(), List.of(new ProductDraft.Option(optionTitle, values)), variants, null);
	}

	private static final class Counts {

		int createdProducts;
		int updatedProducts;
		int createdVariants;
		int updatedVariants;
	}
}
