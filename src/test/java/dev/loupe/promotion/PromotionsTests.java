package dev.loupe.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Promotion codes and usage limits against the database: look-ups, every refusal, and limits under concurrency. */
@SpringBootTest
@ActiveProfiles("test")
class PromotionsTests {

	private static final Currency USD = Currency.getInstance("USD");

	@Autowired
	Promotions promotions;

	@Autowired
	PromotionSetup setup;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	String run;
	// Whole milliseconds: the database keeps microseconds, so the window edges below compare exactly.
	Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

	@BeforeEach
	void newRun() {
		run = Ids.next("t").substring(2, 14).toLowerCase(Locale.ROOT);
	}

	@Test
	void codesAreFoundCaseInsensitivelyInTheOrderGiven() {
		String first = create("Spring-" + run, Map.of());
		String second = create("summer_" + run, Map.of());
		List<Promotion> found = promotions.forCodes(List.of("SUMMER_" + run.toUpperCase(Locale.ROOT), " spring-" + run + " ",
				"Summer_" + run), now, USD);
		assertThat(found).extracting(Promotion::id).containsExactly(second, first);
		assertThat(found.getFirst().code()).isEqualTo("summer_" + run);
		assertThat(promotions.forCodes(List.of(), now, USD)).isEmpty();
	}

	@Test
	void unknownAndMalformedCodesAreInvalidAndNamed() {
		create("KNOWN" + run, Map.of());
		assertRefused(List.of("KNOWN" + run, "NOPE" + run), "invalid_data", "The promotion code NOPE" + run + " is invalid");
		assertRefused(List.of("no spaces"), "invalid_data", "The promotion code no spaces is invalid");
		assertRefused(List.of("nul\0"), "invalid_data", "The promotion code nul? is invalid");
		assertRefused(java.util.Collections.singletonList(null), "invalid_data", "The promotion code  is invalid");
	}

	@Test
	void codesOutsideTheirWindowOrNotActiveAreRefusedSayingWhy() {
		create("LATER" + run, Map.of("starts_at", now.plus(Duration.ofDays(1)).toString()));
		create("OVER" + run, Map.of("starts_at", now.minus(Duration.ofDays(9)).toString(),
				"ends_at", now.minus(Duration.ofSeconds(1)).toString()));
		create("DRAFT" + run, Map.of("status", "draft"));
		String off = create("OFF" + run, Map.of());
		setup.deactivate(off);
		assertRefused(List.of("LATER" + run), "invalid_data", "The promotion code LATER" + run + " is not valid yet");
		assertRefused(List.of("OVER" + run), "invalid_data", "The promotion code OVER" + run + " has expired");
		assertRefused(List.of("DRAFT" + run), "invalid_data", "The promotion code DRAFT" + run + " is not active");
		assertRefused(List.of("OFF" + run), "invalid_data", "The promotion code OFF" + run + " is not active");
		// The window is [starts_at, ends_at): usable from its first instant, no longer at its last.
		Instant start = now.plus(Duration.ofDays(1));
		assertThat(promotions.forCodes(List.of("LATER" + run), start, USD)).hasSize(1);
		String window = create("WINDOW" + run, Map.of("ends_at", start.toString()));
		assertThat(promotions.forCodes(List.of("WINDOW" + run), start.minusMillis(1), USD)).extracting(Promotion::id)
			.containsExactly(window);
		assertRefused(List.of("WINDOW" + run), start, "invalid_data", "has expired");
	}

	@Test
	void aDeletedPromotionIsUnknownAndFreesItsCode() {
		String old = create("GONE" + run, Map.of());
		setup.delete(old);
		assertRefused(List.of("GONE" + run), "invalid_data", "is invalid");
		String again = create("gone" + run, Map.of());
		assertThat(promotions.forCodes(List.of("GONE" + run), now, USD)).extracting(Promotion::id).containsExactly(again);
	}

	@Test
	void fixedAmountsAndMinimumsOnlyInTheirCurrencies() {
		create("EURO" + run, Map.of("application_method", Map.of("type", "fixed", "target_type", "items", "value", 5,
				"currency_code", "eur")));
		create("MIN" + run, Map.of("minimum_subtotals", List.of(Map.of("currency_code", "eur", "amount", 20),
				Map.of("currency_code", "gbp", "amount", 20))));
		assertRefused(List.of("EURO" + run), "invalid_data", "The promotion code EURO" + run + " cannot be used in USD, only in EUR");
		assertRefused(List.of("MIN" + run), "invalid_data", "cannot be used in USD, only in EUR, GBP");
		assertThat(promotions.forCodes(List.of("EURO" + run, "MIN" + run), now, Currency.getInstance("EUR"))).hasSize(2);
	}

	@Test
	void aNonCombinableCodeIsRefusedWithOtherCodes() {
		create("ALONE" + run, Map.of("is_combinable", false));
		create("WITH" + run, Map.of());
		assertThat(promotions.forCodes(List.of("ALONE" + run), now, USD)).hasSize(1);
		assertRefused(List.of("WITH" + run, "ALONE" + run), "not_allowed",
				"The promotion code ALONE" + run + " cannot be combined with other promotion codes");
	}

	@Test
	void automaticPromotionsAreTheActiveOnesUsableNowInTheCurrencyOldestFirst() {
		String first = create(null, Map.of("is_automatic", true));
		String second = create("AUTO" + run, Map.of("is_automatic", true));
		String draft = create(null, Map.of("is_automatic", true, "status", "draft"));
		String later = create(null, Map.of("is_automatic", true, "starts_at", now.plusSeconds(3600).toString()));
		String euro = create(null, Map.of("is_automatic", true, "application_method", Map.of("type", "fixed",
				"target_type", "order", "value", 1, "currency_code", "eur")));
		String code = create("CODE" + run, Map.of());
		String usedUp = create(null, Map.of("is_automatic", true, "limit", 1));
		transactions.executeWithoutResult(t -> promotions.recordUsage("order_" + run, List.of(usedUp), null));
		List<String> ids = promotions.automatic(now, USD).stream().map(Promotion::id).toList();
		assertThat(ids).containsSubsequence(first, second).doesNotContain(draft, later, euro, code, usedUp);
		assertThat(promotions.automatic(now, Currency.getInstance("EUR")).stream().map(Promotion::id)).contains(euro);
	}

	@Test
	void twentyConcurrentOrdersOnALimitOfFiveUseItExactlyFiveTimes() throws Exception {
		String id = create("RUSH" + run, Map.of("limit", 5));
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String order = "order_" + run + "_" + i;
			orders.add(() -> {
				start.await();
				try {
					transactions.executeWithoutResult(t -> promotions.recordUsage(order, List.of(id), null));
					return true;
				}
				catch (LoupeException refused) {
					assertThat(refused.type().code()).isEqualTo("not_allowed");
					assertThat(refused.getMessage()).isEqualTo("The promotion code RUSH" + run + " has been used up");
					return false;
				}
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Callable<Boolean> order : orders) {
				results.add(pool.submit(order));
			}
			start.countDown();
			int succeeded = 0;
			for (Future<Boolean> result : results) {
				succeeded += result.get() ? 1 : 0;
			}
			assertThat(succeeded).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(promotions.find(id).used()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from promotion.usage where promotion_id = ?").params(id).query(Long.class)
			.single()).isEqualTo(5);
		assertRefused(List.of("RUSH" + run), "not_allowed", "The promotion code RUSH" + run + " has been used up");
	}

	@Test
	void recordingIsIdempotentPerOrderAndReleasingGivesTheUsageBackOnce() {
		String id = create("ONCE" + run, Map.of("limit", 1));
		String order = "order_" + run;
		record(order, id, null);
		record(order, id, null);
		assertThat(promotions.find(id).used()).isEqualTo(1);
		assertThatThrownBy(() -> record("order_other_" + run, id, null)).isInstanceOf(LoupeException.class)
			.hasMessage("The promotion code ONCE" + run + " has been used up");
		// A refused order leaves nothing behind.
		assertThat(promotions.find(id).used()).isEqualTo(1);
		promotions.releaseUsage(order);
		assertThat(promotions.find(id).used()).isZero();
		promotions.releaseUsage(order);
		assertThat(promotions.find(id).used()).isZero();
		assertThat(promotions.forCodes(List.of("ONCE" + run), now, USD)).hasSize(1);
		record("order_other_" + run, id, null);
		assertThat(promotions.find(id).used()).isEqualTo(1);
	}

	@Test
	void aCustomerMayUseAPromotionAsOftenAsItsPerCustomerLimitAllows() {
		String id = create("MINE" + run, Map.of("limit_per_customer", 1));
		String alice = Promotions.customerKey("cus_alice" + run, "alice@example.com");
		String guest = Promotions.customerKey(null, " Guest" + run + "@Example.com ");
		assertThat(alice).isEqualTo("customer:cus_alice" + run);
		assertThat(guest).isEqualTo("email:guest" + run + "@example.com");
		assertThat(Promotions.customerKey(" ", null)).isNull();
		Promotion mine = promotions.find(id);
		promotions.checkCustomerLimit(List.of(mine), alice);
		record("order_a1_" + run, id, alice);
		assertThatThrownBy(() -> promotions.checkCustomerLimit(List.of(mine), alice)).isInstanceOf(LoupeException.class)
			.hasMessage("The promotion code MINE" + run + " has been used up for this customer");
		assertThatThrownBy(() -> record("order_a2_" + run, id, alice)).isInstanceOf(LoupeException.class)
			.hasMessageContaining("has been used up");
		record("order_g1_" + run, id, guest);
		assertThatThrownBy(() -> record("order_g2_" + run, id, Promotions.customerKey(null, "guest" + run + "@example.com")))
			.isInstanceOf(LoupeException.class);
		assertThat(promotions.find(id).used()).isEqualTo(2);
		promotions.releaseUsage("order_a1_" + run);
		promotions.checkCustomerLimit(List.of(mine), alice);
		record("order_a2_" + run, id, alice);
	}

	@Test
	void updatesChangeOnlyWhatTheyNameAndAreCheckedAsAWhole() {
		String id = create("EDIT" + run, Map.of("limit", 3));
		setup.update(id, Input.of(Map.of("application_method", Map.of("value", 15))));
		Promotion edited = promotions.find(id);
		assertThat(edited.method().value()).isEqualByComparingTo("15");
		assertThat(edited.method().target()).isEqualTo(ApplicationMethod.Target.ORDER);
		assertThat(edited.limit()).isEqualTo(3);
		assertThatThrownBy(() -> setup.update(id, Input.of(Map.of("application_method", Map.of("value", 150)))))
			.hasMessage("application_method.value must be at most 100 for a percentage");
		assertThatThrownBy(() -> setup.update(id, Input.of(Map.of("application_method", Map.of("type", "fixed")))))
			.hasMessage("application_method.currency_code is required for a fixed amount");
		create("TAKEN" + run, Map.of());
		assertThatThrownBy(() -> setup.update(id, Input.of(Map.of("code", "taken" + run))))
			.isInstanceOf(LoupeException.class)
			.hasMessage("A promotion with the code taken" + run + " already exists");
		record("order_" + run, id, null);
		record("order_2_" + run, id, null);
		assertThatThrownBy(() -> setup.update(id, Input.of(Map.of("limit", 1))))
			.hasMessageContaining("limit must be at least 2");
		setup.update(id, Input.of(Map.of("limit", 2, "code", "Edited" + run)));
		assertThat(promotions.find(id).code()).isEqualTo("Edited" + run);
		assertRefused(List.of("EDITED" + run), "not_allowed", "The promotion code Edited" + run + " has been used up");
	}

	private void record(String order, String promotionId, String customerKey) {
		transactions.executeWithoutResult(t -> promotions.recordUsage(order, List.of(promotionId), customerKey));
	}

	private void assertRefused(List<String> codes, String type, String message) {
		assertRefused(codes, now, type, message);
	}

	private void assertRefused(List<String> codes, Instant at, String type, String message) {
		assertThatThrownBy(() -> promotions.forCodes(codes, at, USD)).isInstanceOfSatisfying(LoupeException.class, e -> {
			assertThat(e.type().code()).isEqualTo(type);
			assertThat(e.status()).isEqualTo(400);
			assertThat(e.getMessage()).contains(message);
		});
	}

	/** An active 10 % order promotion with this code, changed by {@code more}. */
	private String create(String code, Map<String, Object> more) {
		Map<String, Object> body = new HashMap<>();
		if (code != null) {
			body.put("code", code);
		}
		body.put("status", "active");
		body.put("application_method", Map.of("type", "percentage", "target_type", "order", "value", 10));
		body.putAll(more);
		return setup.create(Input.of(body));
	}
}
