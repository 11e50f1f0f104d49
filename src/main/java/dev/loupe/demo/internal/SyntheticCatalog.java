package dev.loupe.demo.internal;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductDraft.Option;
import dev.loupe.catalog.ProductDraft.Variant;
import dev.loupe.catalog.ProductKind;
import dev.loupe.file.FileStore;
import dev.loupe.inventory.StockSetup;
import dev.loupe.inventory.StockSetup.Stock;
import dev.loupe.market.Markets;
import dev.loupe.platform.Ids;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Generates a large catalogue for benchmarks: products with three colour variants, plausible titles and
 * descriptions (so that search has something to find), prices in every demo currency and stock.
 */
@Component
public class SyntheticCatalog {

	private static final int CHUNK = 1000;
	private static final String[] BRANDS = { "Aurora", "Nordlys", "Fjord", "Kestrel", "Luma", "Orbit", "Tandem", "Vela",
			"Halden", "Marlow", "Quill", "Sable", "Tidal", "Umber", "Wren", "Zephyr" };
	private static final String[] MATERIALS = { "Walnut", "Oak", "Linen", "Steel", "Ceramic", "Cotton", "Wool",
			"Titanium", "Bamboo", "Leather", "Cork", "Glass", "Acetate", "Copper" };
	private static final String[] THINGS = { "Desk Lamp", "Reading Glasses", "Sunglasses", "Motion Sensor",
			"Presence Sensor", "Wall Clock", "Notebook", "Backpack", "Travel Mug", "Headphones", "Keyboard", "Speaker",
			"Thermostat", "Door Sensor", "Frame", "Glasses Case", "Plant Pot", "Blanket", "Water Bottle", "Charger" };
	private static final String[] PRAISE = { "built to last", "designed in Copenhagen", "made in small batches",
			"with a five-year warranty", "tested by our lab", "loved by reviewers", "with recycled packaging" };
	private static final String[] COLOURS = { "White", "Black", "Sage", "Navy", "Sand", "Rose", "Olive", "Gunmetal" };
	private static final String[] CATEGORIES = { "sensors", "sensor-accessories", "frames", "eyewear-accessories" };

	private final CatalogImport catalog;
	private final PriceSetup pricing;
	private final StockSetup stock;
	private final Markets markets;
	private final FileStore files;

	SyntheticCatalog(CatalogImport catalog, PriceSetup pricing, StockSetup stock, Markets markets, FileStore files) {
		this.files = files;
		this.catalog = catalog;
		this.pricing = pricing;
		this.stock = stock;
		this.markets = markets;
	}

	/** Adds {@code count} products to the demo sales channel, reporting the number done after each chunk. */
	public void generate(int count, LongConsumer progress) {
		String channel = markets.firstSalesChannelId()
			.orElseThrow(() -> new IllegalStateException("No sales channel with a publishable key: load the demo store first"));
		String location = stock.createLocation("Synthetic stock " + Ids.next("run").substring(4, 14), null);
		for (int i = 0; i < 3; i++) {
			files.put("products/synthetic-" + i + ".svg",
					ProductArt.generic(DemoCatalog.COLOURS.get(COLOURS[i]), i).getBytes(StandardCharsets.UTF_8), "image/svg+xml");
		}
		String run = Long.toString(System.currentTimeMillis(), 36);
		SplittableRandom random = new SplittableRandom(42);
		for (int from = 0; from < count; from += CHUNK) {
			int size = Math.min(CHUNK, count - from);
			List<ProductDraft> drafts = new ArrayList<>(size);
			List<Integer> basePrices = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				int n = from + i;
				drafts.add(draft(run, n, random));
				basePrices.add(9 + random.nextInt(290));
			}
			List<ImportedProduct> imported = catalog.importProducts(drafts, List.of(channel));
			List<PriceDraft> prices = new ArrayList<>(size * 9);
			List<Stock> levels = new ArrayList<>(size * 3);
			for (int i = 0; i < size; i++) {
				for (String variant : imported.get(i).variantIds()) {
					for (Map.Entry<String, BigDecimal> rate : DemoStoreLoader.RATE_FROM_USD.entrySet()) {
						prices.add(PriceDraft.of(variant,
								DemoStoreLoader.price(BigDecimal.valueOf(basePrices.get(i)).multiply(rate.getValue()), rate.getKey())));
					}
					levels.add(new Stock(variant, location, random.nextInt(200)));
				}
			}
			pricing.addPrices(prices);
			stock.setStock(levels);
			progress.accept(from + size);
		}
	}

	private static ProductDraft draft(String run, int n, SplittableRandom random) {
		String brand = BRANDS[random.nextInt(BRANDS.length)];
		String material = MATERIALS[random.nextInt(MATERIALS.length)];
		String thing = THINGS[random.nextInt(THINGS.length)];
		String title = brand + " " + material + " " + thing;
		String handle = DemoCatalog.slug(title) + "-" + run + "-" + n;
		String description = "The " + title + " is " + PRAISE[random.nextInt(PRAISE.length)] + " and "
				+ PRAISE[random.nextInt(PRAISE.length)] + ". " + material + " details, " + thing.toLowerCase()
				+ " essentials, and a finish that ages well.";
		List<String> colours = new ArrayList<>();
		while (colours.size() < 3) {
			String c = COLOURS[random.nextInt(COLOURS.length)];
			if (!colours.contains(c)) {
				colours.add(c);
			}
		}
		List<Variant> variants = new ArrayList<>();
		for (String colour : colours) {
			variants.add(new Variant(colour, "SYN-" + run.toUpperCase() + "-" + n + "-" + colour.substring(0, 3).toUpperCase(),
					null, Map.of("Colour", colour), true, false, BigDecimal.valueOf(100 + random.nextInt(900))));
		}
		return new ProductDraft(handle, title, brand + " by Loupe", description, ProductKind.STANDARD, true,
				"/files/products/synthetic-" + (n % 3) + ".svg", List.of(), material, "DK", BigDecimal.valueOf(500), null,
				thing, List.of(material.toLowerCase(), brand.toLowerCase()), null,
				List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]), List.of(new Option("Colour", colours)), variants,
				Map.of());
	}
}
