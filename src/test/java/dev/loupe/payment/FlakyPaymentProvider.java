package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A provider for tests ({@code pp_test_flaky}) that authorises, throws, answers error or requires_more, or hangs,
 * as a test asks, and counts the calls it gets. No region offers it unless a test adds it.
 */
@Component
public class FlakyPaymentProvider implements PaymentProvider {

	public static final String ID = "pp_test_flaky";

	public enum Mode {
		AUTHORIZE, THROW, ERROR, REQUIRES_MORE, HANG
	}

	private volatile Mode mode = Mode.AUTHORIZE;
	private volatile long delayMillis;
	private volatile boolean failCancel;
	public final AtomicInteger authorizeCalls = new AtomicInteger();
	public final AtomicInteger paymentCancelCalls = new AtomicInteger();
	public final AtomicInteger captureCalls = new AtomicInteger();
	public final AtomicInteger refundCalls = new AtomicInteger();

	/** Back to authorising at once, counters at zero. */
	public void reset() {
		mode = Mode.AUTHORIZE;
		delayMillis = 0;
		failCancel = false;
		authorizeCalls.set(0);
		paymentCancelCalls.set(0);
		captureCalls.set(0);
		refundCalls.set(0);
	}

	public void mode(Mode mode) {
		this.mode = mode;
	}

	/** How long each authorisation takes before it answers. */
	public void delay(long millis) {
		this.delayMillis = millis;
	}

	public void failCancel(boolean fail) {
		this.failCancel = fail;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ProviderResult initiate(PaymentRequest request) {
		return ProviderResult.of(PaymentSessionStatus.PENDING, Map.of("client_secret", "secret_" + request.sessionId()));
	}

	@Override
	public ProviderResult authorize(ProviderSession session, String idempotencyKey) {
		authorizeCalls.incrementAndGet();
		sleep(mode == Mode.HANG ? 30_000 : delayMillis);
		return switch (mode) {
			case AUTHORIZE -> ProviderResult.of(PaymentSessionStatus.AUTHORIZED,
					Map.of("client_secret", "secret_" + session.sessionId(), "key", idempotencyKey));
			case THROW -> throw new PaymentProviderException("card declined by the test provider");
			case ERROR -> new ProviderResult(PaymentSessionStatus.ERROR, session.data(), "insufficient funds");
			case REQUIRES_MORE -> ProviderResult.of(PaymentSessionStatus.REQUIRES_MORE, session.data());
			case HANG -> throw new IllegalStateException("unreachable");
		};
	}

	@Override
	public ProviderResult capture(ProviderPayment payment, Money amount, String idempotencyKey) {
		captureCalls.incrementAndGet();
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, payment.data());
	}

	@Override
	public ProviderResult refund(ProviderPayment payment, Money amount, String idempotencyKey) {
		refundCalls.incrementAndGet();
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, payment.data());
	}

	@Override
	public void cancel(ProviderPayment payment, String idempotencyKey) {
		paymentCancelCalls.incrementAndGet();
		if (failCancel) {
			throw new PaymentProviderException("the test provider cannot void now");
		}
	}

	@Override
	public void cancel(ProviderSession session, String idempotencyKey) {
	}

	private static void sleep(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PaymentProviderException("interrupted");
		}
	}
}
