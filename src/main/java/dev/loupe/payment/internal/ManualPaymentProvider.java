package dev.loupe.payment.internal;

import dev.loupe.payment.PaymentProvider;
import dev.loupe.payment.PaymentRequest;
import dev.loupe.payment.PaymentSessionStatus;
import dev.loupe.payment.ProviderPayment;
import dev.loupe.payment.ProviderResult;
import dev.loupe.payment.ProviderSession;
import dev.loupe.platform.Money;
import org.springframework.stereotype.Component;

/**
 * Medusa's manual provider ({@code pp_system_default}): money changes hands outside Loupe (cash, invoice, bank
 * transfer), so authorising succeeds at once and capture, refund and cancel are bookkeeping only.
 */
@Component
class ManualPaymentProvider implements PaymentProvider {

	static final String ID = "pp_system_default";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ProviderResult initiate(PaymentRequest request) {
		return ProviderResult.of(PaymentSessionStatus.PENDING, request.data());
	}

	@Override
	public ProviderResult authorize(ProviderSession session, String idempotencyKey) {
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, session.data());
	}

	@Override
	public ProviderResult capture(ProviderPayment payment, Money amount, String idempotencyKey) {
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, payment.data());
	}

	@Override
	public ProviderResult refund(ProviderPayment payment, Money amount, String idempotencyKey) {
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, payment.data());
	}

	@Override
	public void cancel(ProviderPayment payment, String idempotencyKey) {
		// nothing was reserved anywhere
	}

	@Override
	public void cancel(ProviderSession session, String idempotencyKey) {
		// nothing was started anywhere
	}
}
