package dev.loupe.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The write side refuses bad data with the right error and keeps nothing of a failed import. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogWriteTests {

	@Autowired
	CatalogImport catalog;

	@Autowired
	MarketSetup markets;

	@Autowired
	PriceSetup prices;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	private static String unique(String prefix) {
		return prefix + "-" + Ids.next("x").substring(2).toLowerCase(Locale.ROOT);
	}

	private static ProductDraft draft(String handle) {
		return new ProductDraft(handle, "Test " + handle, null, null, ProductKind.STANDARD, true, null, List.of(), null,
				null, null, null, "Gadget", List.of("gadget"), null, List.of(),
				List.of(new ProductDraft.Option("Size", List.of("S", "M"))),
				List.of(new ProductDraft.Variant("S", null, null, Map.of("Size", "S"), true, false, null)), Map.of());
	}

	@Test
	void anImportWithADuplicateHandleKeepsNothing() {
		String taken = unique("taken");
		catalog.importProducts(List.of(draft(taken)), List.of());
		String fresh = unique("fresh");

		assertError(() -> catalog.importProducts(List.of(draft(fresh), draft(taken)), List.of()), ErrorType.DUPLICATE_ERROR);
		assertError(() -> catalog.importProducts(List.of(draft(fresh), draft(fresh)), List.of()), ErrorType.DUPLICATE_ERROR);
		assertThat(jdbc.sql("select count(*) from catalog.product where handle = ?").param(fresh).query(Long.class).single()).isZero();
	}

	@Test
	void malformedProductsAreInvalidData() {
		ProductDraft good = draft(unique("good"));
		assertError(() -> catalog.importProducts(List.of(draft("Not A Handle")), List.of()), ErrorType.INVALID_DATA);
		var wrongValue = new ProductDraft(good.handle(), good.title(), null, null, ProductKind.STANDARD, true, null, List.of(),
				null, null, null, null, null, List.of(), null, List.of(), good.options(),
				List.of(new ProductDraft.Variant("XL", null, null, Map.of("Size", "XL"), true, false, null)), Map.of());
		assertError(() -> catalog.importProducts(List.of(wrongValue), List.of()), ErrorType.INVALID_DATA);
		var unknownCategory = new ProductDraft(good.handle(), good.title(), null, null, ProductKind.STANDARD, true, null,
				List.of(), null, null, null, null, null, List.of(), null, List.of("no-such-category"), good.options(),
				good.variants(), Map.of());
		assertError(() -> catalog.importProducts(List.of(unknownCategory), List.of()), ErrorType.INVALID_DATA);
		assertError(() -> catalog.createCategories(List.of(new CategoryDraft(unique("orphan"), "Orphan", null, "no-parent", 0))),
				ErrorType.INVALID_DATA);
	}

	@Test
	void marketsRefuseUnknownCurrenciesCountriesInTwoRegionsAndUnknownChannels() {
		assertError(() -> markets.createRegion(new RegionDraft("Nowhere", "xyz", false, List.of(), List.of())), ErrorType.INVALID_DATA);
		assertError(() -> markets.createRegion(new RegionDraft("Again US", "usd", false, List.of("us"), List.of())),
				ErrorType.INVALID_DATA);
		assertError(() -> markets.createRegion(new RegionDraft("Atlantis", "usd", false, List.of("zz"), List.of())),
				ErrorType.INVALID_DATA);
		assertError(() -> markets.createPublishableKey("Ghost", List.of("sc_01XXXXXXXXXXXXXXXXXXXXXXXX")), ErrorType.NOT_FOUND);
	}

	@Test
	void pricesMustNotBeNegativeAndSalesMustEndAfterTheyStart() {
		assertError(() -> prices.addPrices(List.of(PriceDraft.of("variant_x", Money.of("-1", "USD")))), ErrorType.INVALID_DATA);
		var now = java.time.Instant.now();
		assertError(() -> prices.createSale("Backwards", null, now, now.minusSeconds(60), List.of()), ErrorType.INVALID_DATA);
	}

	@Test
	void staffPasswordsAreHashedWithArgon2idAndChecked() {
		String email = unique("optician") + "@shop.test";
		staff.create(email, "correct horse battery", StaffRole.OPTICIAN, "Olu", "Optician");

		String hash = jdbc.sql("select password_hash from identity.staff_user where email = ?").param(email).query(String.class).single();
		assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
		assertThat(staff.authenticate(email.toUpperCase(Locale.ROOT), "correct horse battery")).isPresent();
		assertThat(staff.authenticate(email, "wrong horse battery")).isEmpty();
		assertThat(staff.authenticate("nobody@shop.test", "correct horse battery")).isEmpty();
		assertError(() -> staff.create(email, "another long password", StaffRole.LAB, null, null), ErrorType.DUPLICATE_ERROR);
		assertError(() -> staff.create(unique("weak") + "@shop.test", "short", StaffRole.LAB, null, null), ErrorType.INVALID_DATA);
		assertError(() -> staff.create("not-an-email", "long enough password", StaffRole.LAB, null, null), ErrorType.INVALID_DATA);
	}

	private static void assertError(ThrowingCallable call, ErrorType type) {
		assertThatThrownBy(call).isInstanceOfSatisfying(LoupeException.class, e -> assertThat(e.type()).isEqualTo(type));
	}
}
