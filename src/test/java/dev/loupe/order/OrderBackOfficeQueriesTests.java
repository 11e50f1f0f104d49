package dev.loupe.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The staff's order list, notes and sales figures, against PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrderBackOfficeQueriesTests {

	@Autowired
	Orders orders;

	@Autowired
	OrderSearch search;

	@Autowired
	OrderNotes notes;

	@Autowired
	OrderReports reports;

	@Autowired
	TransactionTemplate transactions;

	private Order place(String email, String customerId) {
		return transactions.execute(status -> orders.place(OrderDrafts.us("sc_test", customerId, email)));
	}

	private static OrderFilter query(String q) {
		return new OrderFilter(q, List.of(), null, null, null, null, null, null);
	}

	@Test
	void findsOrdersByNumberEmailStartOrCustomerNewestFirstAPageAtATime() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String customer = Ids.next("cus");
		Order first = place("find-" + run + "-a@example.com", null);
		Order second = place("find-" + run + "-b@example.com", null);
		Order third = place("someone-" + run + "@example.com", customer);

		assertThat(search.find(query("find-" + run), 10, 0).orders()).extracting(OrderSummary::id)
			.containsExactly(second.id(), first.id());
		assertThat(search.find(query("FIND-" + run + "-A"), 10, 0).orders()).extracting(OrderSummary::id)
			.containsExactly(first.id());
		assertThat(search.find(query("#" + third.displayId()), 10, 0).orders()).extracting(OrderSummary::id)
			.contains(third.id());
		assertThat(search.find(new OrderFilter("find-" + run, List.of(customer), null, null, null, null, null, null), 10, 0)
			.orders()).extracting(OrderSummary::id).containsExactly(third.id(), second.id(), first.id());
		assertThat(search.find(query("%" + run), 10, 0).orders()).as("LIKE wildcards are text").isEmpty();
		assertThat(search.find(query("_ind-" + run), 10, 0).orders()).isEmpty();

		OrderSearch.Page page = search.find(query("find-" + run), 1, 0);
		assertThat(page.orders()).hasSize(1);
		assertThat(page.hasMore()).isTrue();
		OrderSearch.Page last = search.find(query("find-" + run), 1, 1);
		assertThat(last.orders()).extracting(OrderSummary::id).containsExactly(first.id());
		assertThat(last.hasMore()).isFalse();

		orders.cancel(first.id(), "test", "staff@loupe.test");
		assertThat(search.find(new OrderFilter("find-" + run, List.of(), "canceled", null, null, null, null, null), 10, 0)
			.orders()).extracting(OrderSummary::id).containsExactly(first.id());
		assertThat(search.find(new OrderFilter("find-" + run, List.of(), null, "authorized", "not_fulfilled", "reg_us",
				Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60)), 10, 0).orders())
			.extracting(OrderSummary::id).containsExactly(second.id());
		assertThat(search.find(new OrderFilter("find-" + run, List.of(), null, null, null, null, null,
				Instant.now().minusSeconds(3600)), 10, 0).orders()).isEmpty();

		// "Awaiting fulfilment": not or partly fulfilled; shipped and canceled orders are not awaited.
		Order fourth = place("find-" + run + "-c@example.com", null);
		orders.setFulfillmentStatus(third.id(), "partially_fulfilled", "staff@loupe.test");
		orders.setFulfillmentStatus(third.id(), "shipped", "staff@loupe.test");
		orders.setFulfillmentStatus(second.id(), "partially_fulfilled", "staff@loupe.test");
		assertThat(search.find(new OrderFilter("find-" + run, List.of(customer), "pending", null,
				OrderFilter.AWAITING_FULFILLMENT, null, null, null), 10, 0).orders()).extracting(OrderSummary::id)
			.containsExactly(fourth.id(), second.id());
		OrderSummary summary = search.find(query("find-" + run + "-b"), 1, 0).orders().getFirst();
		assertThat(summary.total()).isEqualTo(OrderDrafts.usd("46.09"));
		assertThat(summary.displayId()).isEqualTo(second.displayId());
	}

	@Test
	void refusesPagesOutOfRangeAndHostileSearches() {
		for (int[] bad : new int[][] { { 0, 0 }, { 201, 0 }, { 10, -1 }, { 10, OrderSearch.MAX_OFFSET + 1 } }) {
			assertThatThrownBy(() -> search.find(OrderFilter.all(), bad[0], bad[1])).isInstanceOf(LoupeException.class)
				.satisfies(e -> assertThat(((LoupeException) e).type()).isEqualTo(ErrorType.INVALID_DATA));
		}
		assertThatThrownBy(() -> search.find(query("x".repeat(201)), 10, 0)).isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> search.find(query("a\u0000b"), 10, 0)).isInstanceOf(LoupeException.class);
		assertThat(search.find(query("'; drop table orders.sales_order; --"), 10, 0).orders()).isEmpty();
		assertThat(search.find(query("99999999999999999999"), 10, 0).orders()).isEmpty();
	}

	@Test
	void aNoteIsWrittenOncePerKeyAndBadNotesAreRefused() {
		Order order = place("notes-" + Ids.next("t").toLowerCase(Locale.ROOT) + "@example.com", null);
		OrderNote note = notes.add(order.id(), "ada@loupe.test", "  Called the customer  ", "key-0000000001");
		assertThat(notes.add(order.id(), "ada@loupe.test", "Called the customer", "key-0000000001").id())
			.isEqualTo(note.id());
		notes.add(order.id(), "bob@loupe.test", "Line one\nline two <b>bold</b>", "key-0000000002");
		assertThat(notes.of(order.id())).extracting(OrderNote::body)
			.containsExactly("Called the customer", "Line one\nline two <b>bold</b>");
		assertThatThrownBy(() -> notes.add(order.id(), "ada", " ", "key-0000000003")).isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> notes.add(order.id(), "ada", "x".repeat(4001), "key-0000000003"))
			.isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> notes.add(order.id(), "ada", "bell\u0007", "key-0000000003"))
			.isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> notes.add(order.id(), "ada", "ok", "short")).isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> notes.add(Ids.next("order"), "ada", "ok", "key-0000000004"))
			.isInstanceOf(LoupeException.class)
			.satisfies(e -> assertThat(((LoupeException) e).status()).isEqualTo(404));
		assertThatThrownBy(() -> notes.add("x'; --", "ada", "ok", "key-0000000004")).isInstanceOf(LoupeException.class);
	}

	@Test
	void salesPerDayCountEveryDayAndLeaveCanceledOrdersOut() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<OrderReports.Day> before = reports.salesPerDay("USD", today.minusDays(6), today);
		assertThat(before).hasSize(7);
		assertThat(before.getFirst().day()).isEqualTo(today.minusDays(6));
		Order kept = place("report-" + Ids.next("t").toLowerCase(Locale.ROOT) + "@example.com", null);
		Order canceled = place("report-" + Ids.next("t").toLowerCase(Locale.ROOT) + "@example.com", null);
		orders.cancel(canceled.id(), null, "staff@loupe.test");
		OrderReports.Day after = reports.salesPerDay("usd", today, today).getFirst();
		assertThat(after.orders()).isEqualTo(before.getLast().orders() + 1);
		assertThat(after.sales().amount()).isEqualByComparingTo(
				before.getLast().sales().amount().add(new BigDecimal("46.09")));
		assertThat(reports.currencies(today.atStartOfDay().toInstant(ZoneOffset.UTC), Instant.now().plusSeconds(60)))
			.contains("USD");
		assertThat(reports.placed(kept.createdAt(), Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(2);
		assertThat(reports.awaitingFulfillment()).isPositive();
	}
}
