package dev.loupe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.demo.internal.DemoStoreLoader;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.market.Markets;
import dev.loupe.platform.LoupeProperties;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo store a newcomer sees: loaded once, complete, and never twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoStoreTests {

	@Autowired
	DemoStoreLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Markets markets;

	@Autowired
	StaffAccounts staff;

	@Autowired
	LoupeProperties properties;

	@Test
	void theDemoStoreHasThreeRegionsAKeyAnAdminAndThreeKindsOfMerchandise() {
		assertThat(jdbc.sql("select currency_code from market.region order by currency_code").query(String.class).list())
			.contains("eur", "gbp", "usd");
		assertThat(markets.firstPublishableKeyToken()).hasValueSatisfying(k -> assertThat(k).matches("pk_[0-9a-f]{64}"));
		assertThat(staff.authenticate(properties.demo().adminEmail(), properties.demo().adminPassword()))
			.hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(StaffRole.ADMIN));
		assertThat(jdbc.sql("select distinct kind from catalog.product").query(String.class).list())
			.contains("standard", "digital", "optical_frame", "optical_lens", "contact_lens");
		String webshop = markets.firstSalesChannelId().orElseThrow();
		// Only the demo's own products: other tests add products to the same channel through the Admin API.
		long unpriced = jdbc.sql("""
				select count(*) from catalog.product_variant v
				join catalog.product_sales_channel psc on psc.product_id = v.product_id and psc.sales_channel_id = ?
				where (select count(distinct currency_code) from pricing.price pr
				  where pr.variant_id = v.id and pr.price_list_id is null) < 3
				  and v.created_at <= (select loaded_at from demo.load where name = 'demo-store')""").param(webshop).query(Long.class).single();
		assertThat(unpriced).isZero();
		long withoutImages = jdbc.sql("""
				select count(*) from catalog.product p
				join catalog.product_sales_channel psc on psc.product_id = p.id and psc.sales_channel_id = ?
				where (p.thumbnail is null or not exists (select 1 from catalog.product_image i where i.product_id = p.id))
				  and p.created_at <= (select loaded_at from demo.load where name = 'demo-store')""")
			.param(webshop).query(Long.class).single();
		assertThat(withoutImages).isZero();
		assertThat(jdbc.sql("select count(*) from tax.tax_rate").query(Long.class).single()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void loadingAgainEvenConcurrentlyChangesNothing() throws Exception {
		long products = jdbc.sql("select count(*) from catalog.product").query(Long.class).single();
		try (var pool = Executors.newFixedThreadPool(3)) {
			Callable<Boolean> load = loader::loadIfEmpty;
			for (var result : pool.invokeAll(List.of(load, load, load))) {
				assertThat(result.get()).isFalse();
			}
		}
		assertThat(jdbc.sql("select count(*) from catalog.product").query(Long.class).single()).isEqualTo(products);
		assertThat(jdbc.sql("select count(*) from market.store").query(Long.class).single()).isEqualTo(1);
	}
}
