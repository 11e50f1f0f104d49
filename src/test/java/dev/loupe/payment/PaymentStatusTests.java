package dev.loupe.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.LoupeException;
import org.junit.jupiter.api.Test;

/** The state machines of collections and sessions, over every pair of statuses. */
class PaymentStatusTests {

	private static final PaymentCollectionStatus[] COLLECTION = PaymentCollectionStatus.values();
	private static final PaymentSessionStatus[] SESSION = PaymentSessionStatus.values();

	@Test
	void aCollectionMoveIsRefusedWithNotAllowedExactlyWhenItIsIllegal() {
		qt().forAll(integers().between(0, COLLECTION.length - 1), integers().between(0, COLLECTION.length - 1))
			.checkAssert((from, to) -> {
				PaymentCollectionStatus a = COLLECTION[from];
				PaymentCollectionStatus b = COLLECTION[to];
				if (a.canBecome(b)) {
					a.requireCanBecome(b, "pay_col_x");
				}
				else {
					assertThatThrownBy(() -> a.requireCanBecome(b, "pay_col_x"))
						.isInstanceOfSatisfying(LoupeException.class, e -> {
							assertThat(e.type()).isEqualTo(ErrorType.NOT_ALLOWED);
							assertThat(e.getMessage()).contains(a.code()).contains(b.code());
						});
				}
			});
	}

	@Test
	void aSessionMoveIsRefusedWithNotAllowedExactlyWhenItIsIllegal() {
		qt().forAll(integers().between(0, SESSION.length - 1), integers().between(0, SESSION.length - 1))
			.checkAssert((from, to) -> {
				PaymentSessionStatus a = SESSION[from];
				PaymentSessionStatus b = SESSION[to];
				if (a.canBecome(b)) {
					a.requireCanBecome(b, "payses_x");
				}
				else {
					assertThatThrownBy(() -> a.requireCanBecome(b, "payses_x")).isInstanceOf(LoupeException.class);
				}
			});
	}

	@Test
	void theBusinessRulesOfTheMachines() {
		assertThat(PaymentCollectionStatus.NOT_PAID.canBecome(PaymentCollectionStatus.AUTHORIZED)).isTrue();
		assertThat(PaymentCollectionStatus.AUTHORIZED.canBecome(PaymentCollectionStatus.AWAITING))
			.as("an authorised collection takes no new session").isFalse();
		assertThat(PaymentCollectionStatus.AUTHORIZED.canBecome(PaymentCollectionStatus.COMPLETED)).isTrue();
		for (PaymentCollectionStatus s : COLLECTION) {
			assertThat(PaymentCollectionStatus.CANCELED.canBecome(s)).as("canceled is final").isFalse();
			assertThat(PaymentCollectionStatus.COMPLETED.canBecome(s)).as("completed is final").isFalse();
			assertThat(PaymentCollectionStatus.of(s.code())).isEqualTo(s);
		}
		assertThat(PaymentSessionStatus.ERROR.canBecome(PaymentSessionStatus.AUTHORIZED))
			.as("a failed session is replaced, not retried").isFalse();
		assertThat(PaymentSessionStatus.REQUIRES_MORE.canBecome(PaymentSessionStatus.AUTHORIZED)).isTrue();
		assertThat(PaymentSessionStatus.AUTHORIZED.canBecome(PaymentSessionStatus.PENDING)).isFalse();
		assertThat(PaymentSessionStatus.PENDING.isAuthorizable()).isTrue();
		assertThat(PaymentSessionStatus.ERROR.isAuthorizable()).isFalse();
		assertThat(PaymentCollectionStatus.AUTHORIZED.code()).isEqualTo("authorized");
		assertThat(PaymentSessionStatus.REQUIRES_MORE.code()).isEqualTo("requires_more");
	}
}
