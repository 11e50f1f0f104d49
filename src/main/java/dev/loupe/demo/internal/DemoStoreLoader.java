package dev.loupe.demo.internal;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.file.FileStore;
import dev.loupe.fulfillment.ShippingSetup;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.inventory.StockSetup;
import dev.loupe.inventory.StockSetup.Stock;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.StartupException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.promotion.PromotionSetup;
import dev.loupe.tax.TaxRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo store into an empty database, once: markets, taxes, a staff admin, a warehouse and the demo
 * merchandise with images, prices and stock. It all happens in one transaction under an advisory lock, so two
 * instances starting together load it once, and a failure leaves nothing half-loaded.
 */
@Component
public class DemoStoreLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoStoreLoader.class);
	private static final long LOCK_KEY = 0x4c6f75706544656dL; // "LoupeDem"
	static final Map<String, BigDecimal> RATE_FROM_USD = Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.95"),
			"GBP", new BigDecimal("0.82"));

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final MarketSetup markets;
	private final TaxRates taxes;
	private final StaffAccounts staff;
	private final CatalogImport catalog;
	private final PriceSetup pricing;
	private final StockSetup stock;
	private final FileStore files;
	private final LoupeProperties properties;
	private final Clock clock;
	private final SecretApiKeys apiKeys;
	private final ShippingSetup shipping;
	private final PromotionSetup promotions;
	// The demo integration key, known only in the run that created it: the banner shows it once.
	private volatile String issuedApiKey;

	DemoStoreLoader(JdbcClient jdbc, TransactionTemplate transactions, MarketSetup markets, TaxRates taxes,
			StaffAccounts staff, CatalogImport catalog, PriceSetup pricing, StockSetup stock, FileStore files,
			LoupeProperties properties, Clock clock, SecretApiKeys apiKeys, ShippingSetup shipping,
			PromotionSetup promotions) {
		this.apiKeys = apiKeys;
		this.shipping = shipping;
		this.promotions = promotions;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.markets = markets;
		this.taxes = taxes;
		this.staff = staff;
		this.catalog = catalog;
		this.pricing = pricing;
		this.stock = stock;
		this.files = files;
		this.properties = properties;
		this.clock = clock;
	}

	/** The secret API key created with the demo store by this process, if it created one. */
	java.util.Optional<String> issuedApiKey() {
		return java.util.Optional.ofNullable(issuedApiKey);
	}

	/** Loads the demo store unless a store exists already; returns whether it loaded it. */
	public boolean loadIfEmpty() {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Object.class).single();
			boolean loaded = jdbc.sql("select exists (select 1 from demo.load where name = 'demo-store')")
				.query(Boolean.class).single();
			boolean storeExists = jdbc.sql("select exists (select 1 from market.store)").query(Boolean.class).single();
			if (loaded || storeExists) {
				return false;
			}
			long started = System.nanoTime();
			log.info("Loading the demo store (regions, sales channel, staff admin, {} products)",
					DemoCatalog.products().size());
			load();
			jdbc.sql("insert into demo.load (name) values ('demo-store')").update();
			log.info("Demo store loaded in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
			return true;
		}));
	}

	private void load() {
		String store = markets.createStore("Loupe Demo Store", List.of("usd", "eur", "gbp"));
		String us = markets.createRegion(new RegionDraft("United States", "usd", false, List.of("us"), List.of("pp_system_default")));
		String eu = markets.createRegion(new RegionDraft("Europe", "eur", true,
				List.of("de", "fr", "nl", "be", "at", "it", "es", "ie"), List.of("pp_system_default")));
		String uk = markets.createRegion(new RegionDraft("United Kingdom", "gbp", true, List.of("gb"), List.of("pp_system_default")));
		taxes.addRate(us, "us", null, "Sales tax", "US-SALES", new BigDecimal("7.25"));
		for (var vat : Map.of("de", "19", "fr", "20", "nl", "21", "be", "21", "at", "20", "it", "22", "es", "21", "ie", "23").entrySet()) {
			taxes.addRate(eu, vat.getKey(), null, "VAT", "VAT-" + vat.getKey().toUpperCase(), new BigDecimal(vat.getValue()));
		}
		taxes.addRate(uk, "gb", null, "VAT", "VAT-GB", new BigDecimal("20"));
		shipping.loadDemo(us, eu, uk);
		String channel = markets.createSalesChannel("Webshop", "The online store and its headless storefronts");
		markets.setStoreDefaults(store, us, channel);
		markets.createPublishableKey("Webshop storefront", List.of(channel));
		try {
			staff.create(properties.demo().adminEmail(), properties.demo().adminPassword(), StaffRole.ADMIN, "Ada", "Admin");
		}
		catch (LoupeException refused) {
			throw new StartupException("LOUPE_DEMO_ADMIN_PASSWORD", "The demo admin cannot be created: "
					+ refused.getMessage() + " (LOUPE_DEMO_ADMIN_EMAIL, LOUPE_DEMO_ADMIN_PASSWORD)");
		}
		issuedApiKey = apiKeys.create("Demo integration", "demo").token();
		String warehouse = stock.createLocation("Main warehouse",
				"{\"address_1\":\"Gammel Kongevej 10\",\"city\":\"Copenhagen\",\"postal_code\":\"1610\",\"country_code\":\"dk\"}");

		catalog.createCategories(DemoCatalog.categories());
		DemoCatalog.collections().forEach(catalog::createCollection);
		List<DemoProduct> demo = DemoCatalog.products();
		List<ProductDraft> drafts = new ArrayList<>();
		for (DemoProduct product : demo) {
			List<String> urls = new ArrayList<>();
			for (String key : product.draft().images()) {
				urls.add(files.put("products/" + key + ".svg", product.art().get(key).getBytes(StandardCharsets.UTF_8),
						"image/svg+xml").url());
			}
			drafts.add(product.draft().withImages(urls));
		}
		List<ImportedProduct> imported = catalog.importProducts(drafts, List.of(channel));

		List<PriceDraft> prices = new ArrayList<>();
		List<PriceDraft> sale = new ArrayList<>();
		List<Stock> levels = new ArrayList<>();
		for (int i = 0; i < demo.size(); i++) {
			DemoProduct product = demo.get(i);
			List<String> variantIds = imported.get(i).variantIds();
			for (int v = 0; v < variantIds.size(); v++) {
				String variant = variantIds.get(v);
				for (var rate : RATE_FROM_USD.entrySet()) {
					Money base = price(product.usdPrices().get(v).multiply(rate.getValue()), rate.getKey());
					prices.add(PriceDraft.of(variant, base));
					if (product.onSale()) {
						sale.add(PriceDraft.of(variant, price(base.amount().multiply(new BigDecimal("0.8")), rate.getKey())));
					}
				}
				if (product.draft().variants().get(v).manageInventory()) {
					levels.add(new Stock(variant, warehouse, product.stock().get(v)));
				}
			}
		}
		pricing.addPrices(prices);
		Instant now = clock.instant();
		pricing.createSale("Autumn sale", "20% off selected sensors, frames and downloads", now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(30)), sale);
		stock.setStock(levels);
		promotions.createDemoPromotions();
	}

	/** A shop price: whole units minus one cent (48.99), as shoppers expect. */
	static Money price(BigDecimal amount, String currency) {
		BigDecimal whole = amount.setScale(0, RoundingMode.CEILING);
		return Money.of(whole.subtract(new BigDecimal("0.01")), currency);
	}
}
