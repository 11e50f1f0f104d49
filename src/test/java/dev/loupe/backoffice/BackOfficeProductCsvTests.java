package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Product CSV over real HTTP as a buyer: a 1,000-row file imported by the background job (timed) with its progress
 * page reaching 100%, the same file again changing nothing, a changed file updating one price and adding one variant,
 * the export containing it all; bad files (wrong header, bad price, duplicate SKU, NUL bytes, not UTF-8, more than
 * 10 MB, a SKU of another product) refused with their line and column and nothing written; a warehouse user refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeProductCsvTests {

	static final String HEADER = "handle,title,status,option,option_value,sku,variant_title,price_usd,price_eur,price_gbp,stock\n";
	private static final String PASSWORD = "a long staff passphrase";
	private static final Pattern IMPORT = Pattern.compile("/app/products/import/(pimp_[A-Za-z0-9_]+)");

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	String run;
	String buyerEmail;
	String warehouseEmail;

	@BeforeEach
	void staff() {
		run = Ids.next("t").substring(2, 12).toLowerCase(Locale.ROOT);
		buyerEmail = "csv-buyer-" + run + "@loupe.test";
		warehouseEmail = "csv-warehouse-" + run + "@loupe.test";
		staff.create(buyerEmail, PASSWORD, StaffRole.BUYER, "Test", "buyer");
		staff.create(warehouseEmail, PASSWORD, StaffRole.WAREHOUSE, "Test", "warehouse");
	}

	private BackOfficeClient signedIn(String email) {
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(email, PASSWORD).status()).isEqualTo(302);
		return client;
	}

	/** 250 products × 4 sizes = 1,000 rows. */
	static String thousandRows(String run) {
		StringBuilder csv = new StringBuilder(HEADER);
		String[] sizes = { "S", "M", "L", "XL" };
		for (int p = 0; p < 250; p++) {
			for (String size : sizes) {
				csv.append("csv-").append(run).append('-').append(p).append(",\"Tee ").append(p).append(", cotton\",")
					.append(p % 2 == 0 ? "published" : "draft").append(",Size,").append(size).append(",CSV-")
					.append(run.toUpperCase(Locale.ROOT)).append('-').append(p).append('-').append(size).append(",,")
					.append(20 + p % 7).append(".50,19.00,17,").append(p % 10).append('\n');
			}
		}
		return csv.toString();
	}

	@Test
	void aThousandRowsImportInTheBackgroundAndTheSameFileAgainChangesNothing() throws Exception {
		BackOfficeClient buyer = signedIn(buyerEmail);
		assertThat(buyer.get("/app/products/import").body()).contains("Check and import");
		String csv = thousandRows(run);

		long started = System.nanoTime();
		String id = upload(buyer, "tees.csv", csv.getBytes(StandardCharsets.UTF_8));
		Map<String, Object> job = awaitFinished(buyer, id);
		long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.println("CSV import of 1,000 rows (250 products x 4 variants) took " + took + " ms (upload to completed)");
		assertThat(job).containsEntry("status", "completed").containsEntry("processed_rows", 1000)
			.containsEntry("created_products", 250).containsEntry("created_variants", 1000);
		assertThat(buyer.get("/app/products/import/" + id).body()).contains("1,000 of 1,000 rows · 100%")
			.doesNotContain("hx-trigger");
		assertThat(count("select count(*) from catalog.product where handle like ? and deleted_at is null",
				"csv-" + run + "-%")).isEqualTo(250);
		assertThat(count("""
				select count(*) from pricing.price pr join catalog.product_variant v on v.id = pr.variant_id
				where v.sku like ? and pr.deleted_at is null and pr.price_list_id is null""",
				"CSV-" + run.toUpperCase(Locale.ROOT) + "-%")).isEqualTo(3000);
		assertThat(jdbc.sql("""
				select l.stocked_quantity from inventory.inventory_level l join catalog.product_variant v on v.id = l.variant_id
				where v.sku = ?""").param("CSV-" + run.toUpperCase(Locale.ROOT) + "-7-M").query(Integer.class).single())
			.isEqualTo(7);
		assertThat(count("select count(*) from audit.entry where action = 'product.import_started' and resource_id = ?", id))
			.isEqualTo(1);

		// The same file again: nothing created, nothing updated.
		Map<String, Object> again = awaitFinished(buyer, upload(buyer, "tees.csv", csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(again).containsEntry("status", "completed").containsEntry("created_products", 0)
			.containsEntry("updated_products", 0).containsEntry("created_variants", 0).containsEntry("updated_variants", 0);

		// One price changed and one size added: one variant updated, one created.
		String changed = HEADER + "csv-" + run + "-3,\"Tee 3, cotton\",draft,Size,S,CSV-" + run.toUpperCase(Locale.ROOT)
				+ "-3-S,,99.00,19.00,17,3\n" + "csv-" + run + "-3,\"Tee 3, cotton\",draft,Size,XXL,CSV-"
				+ run.toUpperCase(Locale.ROOT) + "-3-XXL,,24.50,,,1\n";
		Map<String, Object> third = awaitFinished(buyer, upload(buyer, "more.csv", changed.getBytes(StandardCharsets.UTF_8)));
		assertThat(third).containsEntry("status", "completed").containsEntry("created_variants", 1)
			.containsEntry("updated_variants", 1).containsEntry("created_products", 0);

		// The export has every variant, with the changed price, and reads back as an import changing nothing.
		Page export = buyer.get("/app/products/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("text/csv");
		assertThat(export.body()).startsWith(HEADER.strip())
			.contains("csv-" + run + "-3,\"Tee 3, cotton\",draft,Size,S,CSV-" + run.toUpperCase(Locale.ROOT)
					+ "-3-S,S,99.00,19.00,17.00,3")
			.contains("CSV-" + run.toUpperCase(Locale.ROOT) + "-3-XXL,XXL,24.50,,,1");
		StringBuilder ours = new StringBuilder(HEADER);
		export.body().lines().filter(l -> l.startsWith("csv-" + run + "-")).forEach(l -> ours.append(l).append('\n'));
		assertThat(ours.toString().lines().count()).isEqualTo(1002);
		Map<String, Object> roundTrip = awaitFinished(buyer, upload(buyer, "export.csv",
				ours.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(roundTrip).containsEntry("status", "completed").containsEntry("created_variants", 0)
			.containsEntry("updated_variants", 0).containsEntry("updated_products", 0);
	}

	@Test
	void badFilesAreRefusedWithLineAndColumnAndNothingIsWritten() {
		BackOfficeClient buyer = signedIn(buyerEmail);
		buyer.get("/app/products/import");
		String sku = "BAD-" + run.toUpperCase(Locale.ROOT);
		String good = "bad-" + run + ",Good,draft,,," + sku + "-1,,10.00,,,1\n";
		long importsBefore = count("select count(*) from catalogcsv.product_import where file_name like ?", "bad-%");

		refused(buyer, "bad-header.csv", "handle,title,price\n" + good, 400, "the header must name the columns",
				"missing: status");
		refused(buyer, "bad-price.csv", HEADER + good + "bad2-" + run + ",Other,draft,,," + sku + "-2,,12.5.0,,,\n", 400,
				"<td class=\"num\">3</td><td class=\"mono\">price_usd</td>", "must be an amount such as 12.50");
		refused(buyer, "bad-negative.csv", HEADER + "bad2-" + run + ",Other,draft,,," + sku + "-2,,-3,,,\n", 400,
				"price_usd", "not \"-3\"");
		refused(buyer, "bad-duplicate.csv", HEADER + good + "bad2-" + run + ",Other,draft,,," + sku + "-1,,1,,,\n", 400,
				"duplicate SKU", "also on line 2");
		refused(buyer, "bad-nul.csv", HEADER + "bad-" + run + ",Go\0od,draft,,," + sku + "-1,,10.00,,,1\n", 400,
				"NUL byte", "<td class=\"num\">2</td>");
		refused(buyer, "bad-stock.csv", HEADER + "bad-" + run + ",Good,draft,,," + sku + "-1,,10.00,,,lots\n", 400,
				"stock", "whole number");
		refused(buyer, "bad-handle.csv", HEADER + "Bad Handle,Good,sold,,," + sku + "-1,,10.00,,,1\n", 400,
				"lower-case letters", "must be draft, published");
		refused(buyer, "bad-quote.csv", HEADER + "bad-" + run + ",\"Good,draft,,," + sku + "-1,,10.00,,,1\n", 400,
				"never closed");
		refused(buyer, "bad-empty.csv", "", 400, "Choose a CSV file");
		byte[] latin1 = (HEADER + "bad-" + run + ",Caf\u00e9,draft,,," + sku + "-1,,10.00,,,1\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		Page notUtf8 = buyer.upload("/app/products/import", "bad-latin1.csv", latin1);
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.body()).contains("not UTF-8");
		// A SKU that belongs to another product (one of the demo store's).
		String demoSku = jdbc.sql("select sku from catalog.product_variant where sku is not null and deleted_at is null limit 1")
			.query(String.class).single();
		refused(buyer, "bad-owner.csv", HEADER + "bad-" + run + ",Good,draft,,," + demoSku + ",,10.00,,,1\n", 400,
				"belongs to the product");
		// More than 10 MB: refused with a page, not a server fault.
		StringBuilder big = new StringBuilder(HEADER);
		while (big.length() < 10 * 1024 * 1024 + 1000) {
			big.append("bad-").append(run).append(",Big,draft,,,").append(sku).append("-").append(big.length())
				.append(",,1.00,,,1\n");
		}
		Page tooBig = buyer.upload("/app/products/import", "bad-big.csv", big.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(tooBig.body()).contains("10 MB");

		assertThat(count("select count(*) from catalog.product where handle like ?", "bad%-" + run)).isZero();
		assertThat(count("select count(*) from catalogcsv.product_import where file_name like ?", "bad-%"))
			.isEqualTo(importsBefore);
	}

	@Test
	void aWarehouseUserMayExportButNotImport() {
		BackOfficeClient warehouse = signedIn(warehouseEmail);
		warehouse.get("/app/products");
		assertThat(warehouse.get("/app/products").body()).contains("Export CSV").doesNotContain("Import CSV");
		assertThat(warehouse.get("/app/products/import").status()).isEqualTo(403);
		Page refused = warehouse.upload("/app/products/import", "w.csv",
				(HEADER + "w-" + run + ",W,draft,,,W-" + run + ",,1.00,,,1\n").getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(count("select count(*) from catalog.product where handle = ?", "w-" + run)).isZero();
		assertThat(warehouse.get("/app/products/export").status()).isEqualTo(200);
	}

	private void refused(BackOfficeClient client, String name, String csv, int status, String... expected) {
		Page page = client.upload("/app/products/import", name, csv.getBytes(StandardCharsets.UTF_8));
		assertThat(page.status()).as(name).isEqualTo(status);
		assertThat(page.body()).as(name).contains(expected);
	}

	private String upload(BackOfficeClient client, String name, byte[] csv) {
		client.get("/app/products/import");
		Page page = client.upload("/app/products/import", name, csv);
		assertThat(page.status()).as(page.body()).isEqualTo(302);
		Matcher m = IMPORT.matcher(page.header("Location"));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private Map<String, Object> awaitFinished(BackOfficeClient client, String id) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 180_000;
		while (System.currentTimeMillis() < deadline) {
			Page progress = client.get("/app/products/import/" + id + "/progress");
			assertThat(progress.status()).isEqualTo(200);
			Map<String, Object> job = jdbc.sql("""
					select status, processed_rows, created_products, updated_products, created_variants, updated_variants,
					  error from catalogcsv.product_import where id = ?""").param(id).query().singleRow();
			if (List.of("completed", "failed").contains(job.get("status"))) {
				return job;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("import " + id + " did not finish in 3 minutes");
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
