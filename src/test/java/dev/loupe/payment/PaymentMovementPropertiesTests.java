package dev.loupe.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random sequences of captures and refunds against one authorised payment of 50.00 USD (QuickTheories, against the
 * database): each is accepted exactly when it fits (captures within the authorised amount, refunds within the
 * captured amount), and the payment's totals are the sums of the accepted ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentMovementPropertiesTests {

	private record Step(boolean capture, int cents) {
	}

	@Autowired
	PaymentCollections payments;

	@Autowired
	TransactionTemplate tx;

	private static Gen<List<Step>> steps() {
		Gen<Step> step = booleans().all().zip(integers().between(1, 3_000), Step::new);
		return lists().of(step).ofSizeBetween(1, 8);
	}

	@Test
	void movementsAreAcceptedExactlyWhenTheyFitAndAddUp() {
		qt().withExamples(15).withShrinkCycles(0).forAll(steps()).checkAssert(steps -> {
			PaymentCollection collection = payments.forCart(Ids.next("cart"), Money.of("50", "USD"));
			payments.initiateSession(collection.id(), "pp_system_default", Map.of(), Map.of());
			String payment = payments.authorize(collection.id(), Money.of("50", "USD"), "k").payment().id();
			long captured = 0;
			long refunded = 0;
			int n = 0;
			for (Step step : steps) {
				Money amount = Money.ofMinor(step.cents(), "USD");
				String key = "step-" + n++;
				boolean fits = step.capture() ? captured + step.cents() <= 5_000 : refunded + step.cents() <= captured;
				boolean accepted;
				try {
					if (step.capture()) {
						payments.capture(payment, amount, key);
					}
					else {
						payments.refund(payment, amount, "return", null, key);
					}
					accepted = true;
				}
				catch (LoupeException e) {
					assertThat(e.status()).isEqualTo(400);
					accepted = false;
				}
				assertThat(accepted).as(step + " after " + captured + " captured, " + refunded + " refunded").isEqualTo(fits);
				if (accepted && step.capture()) {
					captured += step.cents();
				}
				if (accepted && !step.capture()) {
					refunded += step.cents();
				}
			}
			Payment after = payments.find(collection.id()).orElseThrow().livePayment().orElseThrow();
			assertThat(after.capturedAmount()).isEqualTo(Money.ofMinor(captured, "USD"));
			assertThat(after.refundedAmount()).isEqualTo(Money.ofMinor(refunded, "USD"));
			assertThat(after.captures().stream().map(Payment.Capture::amount).reduce(Money.zero("USD"), Money::plus))
				.isEqualTo(after.capturedAmount());
		});
	}

	@Test
	void providerCallsAreRefusedInsideTheCallersTransaction() {
		PaymentCollection collection = payments.forCart(Ids.next("cart"), Money.of("1", "USD"));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> payments.initiateSession(collection.id(),
				"pp_system_default", Map.of(), Map.of())))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("outside a database transaction");
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> payments.authorize(collection.id(), Money.of("1", "USD"), "k")))
			.isInstanceOf(IllegalStateException.class);
	}
}
