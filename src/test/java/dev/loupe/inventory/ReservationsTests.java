package dev.loupe.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Reservations, adjustments and the movement ledger against PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class ReservationsTests {

	@Autowired
	Reservations reservations;

	@Autowired
	StockSetup stock;

	@Autowired
	StockLevels levels;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	String north;
	String south;
	String variant;

	@BeforeEach
	void setUp() {
		north = stock.createLocation("North " + Ids.next("t"), null);
		south = stock.createLocation("South " + Ids.next("t"), null);
		variant = Ids.next("variant");
		stock.setStock(List.of(new StockSetup.Stock(variant, north, 3), new StockSetup.Stock(variant, south, 5)));
	}

	@Test
	void aReservationTakesFromTheFullestLocationFirstAndSpills() {
		String order = Ids.next("order");
		List<Reservation> held = reserve(order, new StockDemand(variant, 7, false));
		assertThat(held).extracting(Reservation::locationId, Reservation::quantity)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(south, 5),
					org.assertj.core.groups.Tuple.tuple(north, 2));
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 1);
		assertThat(movements(order, "reserved")).isEqualTo(7);
	}

	@Test
	void reservingTheSameReferenceAgainChangesNothing() {
		String order = Ids.next("order");
		reserve(order, new StockDemand(variant, 2, false));
		reserve(order, new StockDemand(variant, 2, false));
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 6);
	}

	@Test
	void aShortageIsRefusedNamingTheVariantAndNothingIsReserved() {
		String other = Ids.next("variant");
		stock.setStock(List.of(new StockSetup.Stock(other, north, 10)));
		String order = Ids.next("order");
		assertThatThrownBy(() -> reserve(order, new StockDemand(other, 1, false), new StockDemand(variant, 9, false)))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining(variant)
			.hasMessageContaining("9 requested, 8 available");
		assertThat(reservations.forReference(order)).isEmpty();
		assertThat(levels.available(List.of(other, variant))).containsEntry(other, 10).containsEntry(variant, 8);
	}

	@Test
	void aVariantWithoutAnyStockIsShortUnlessItAllowsBackorders() {
		String unstocked = Ids.next("variant");
		assertThatThrownBy(() -> reserve(Ids.next("order"), new StockDemand(unstocked, 1, false)))
			.hasMessageContaining("0 available");
		String backordered = Ids.next("order");
		reserve(backordered, new StockDemand(variant, 20, true));
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 0); // all 8 taken, the rest backordered
		assertThat(reservations.forReference(backordered)).extracting(Reservation::quantity).containsExactlyInAnyOrder(5, 3);
	}

	@Test
	void releaseGivesTheStockBackOnceAndWritesTheLedger() {
		String order = Ids.next("order");
		reserve(order, new StockDemand(variant, 4, false));
		reservations.release(order, "canceled");
		reservations.release(order, "canceled");
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 8);
		assertThat(movements(order, "released")).isEqualTo(-4);
		assertThat(jdbc.sql("select sum(reserved_quantity) from inventory.inventory_level where variant_id = ?")
			.param(variant).query(Integer.class).single()).isZero();
	}

	@Test
	void stockCannotBeAdjustedBelowWhatIsReserved() {
		reserve(Ids.next("order"), new StockDemand(variant, 5, false)); // all of south
		assertThatThrownBy(() -> stock.adjust(variant, south, -1, "damaged", "staff_1"))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining("reserved");
		assertThat(stock.adjust(variant, north, -3, "count", "staff_1")).isZero();
		assertThatThrownBy(() -> stock.adjust(variant, north, 1, " ", "staff_1")).hasMessageContaining("reason");
		assertThatThrownBy(() -> stock.adjust(variant, "sloc_01NOPE", 1, "count", "staff_1"))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining("sloc_01NOPE");
		assertThat(jdbc.sql("select sum(stocked_delta) from inventory.movement where variant_id = ?").param(variant)
			.query(Integer.class).single()).as("the ledger adds up to the stock").isEqualTo(5);
	}

	@Test
	void fulfillingTakesTheReservationsAtTheLocationThenItsFreeStockReleasingTheRest() {
		String order = Ids.next("order");
		reserve(order, new StockDemand(variant, 7, false)); // south 5, north 2
		tx.executeWithoutResult(s -> reservations.fulfil(order, variant, south, 4, "staff:test"));
		assertThat(level(south)).containsExactly(1, 1);
		// Three more from the north: its two reserved, one of its free stock, and the south's last one is released.
		tx.executeWithoutResult(s -> reservations.fulfil(order, variant, north, 3, "staff:test"));
		assertThat(level(north)).containsExactly(0, 0);
		assertThat(level(south)).containsExactly(1, 0);
		assertThat(reservations.forReference(order)).isEmpty();
		assertThat(jdbc.sql("select coalesce(sum(stocked_delta), 0) from inventory.movement where reference = ? and kind = 'fulfilled'")
			.param(order).query(Integer.class).single()).isEqualTo(-7);
		assertThat(movements(order, "released")).isEqualTo(-1);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> reservations.fulfil(order, variant, north, 1, "staff:test")))
			.isInstanceOf(LoupeException.class).hasMessageContaining("has 0 unreserved");
		String elsewhere = stock.createLocation("Elsewhere " + Ids.next("t"), null);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> reservations.fulfil(order, variant, elsewhere, 1, "staff:test")))
			.isInstanceOf(LoupeException.class).hasMessageContaining("not stocked");
		// A variant whose stock is not managed (no level anywhere) is left alone.
		tx.executeWithoutResult(s -> reservations.fulfil(order, Ids.next("variant"), north, 1, "staff:test"));
	}

	private List<Integer> level(String location) {
		return jdbc.sql("select stocked_quantity, reserved_quantity from inventory.inventory_level where variant_id = ? and location_id = ?")
			.params(variant, location).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single();
	}

	private List<Reservation> reserve(String reference, StockDemand... demands) {
		return tx.execute(s -> reservations.reserve(reference, List.of(demands)));
	}

	private int movements(String reference, String kind) {
		return jdbc.sql("select coalesce(sum(reserved_delta), 0) from inventory.movement where reference = ? and kind = ?")
			.params(reference, kind).query(Integer.class).single();
	}
}
