package dev.loupe.storeapi.internal;

import dev.loupe.catalog.ProductDocuments;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentSession;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medusa's {@code StorePaymentCollection} and {@code StorePaymentProvider} shapes. */
final class PaymentJson {

	private PaymentJson() {
	}

	static Map<String, Object> provider(String id) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", id);
		m.put("is_enabled", true);
		return m;
	}

	/** A collection with its live sessions and the providers the shopper may choose from. */
	static Map<String, Object> collection(PaymentCollection c, List<String> providerIds) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("currency_code", c.currencyCode());
		m.put("amount", amount(c.amount()));
		m.put("authorized_amount", amount(c.authorizedAmount()));
		m.put("captured_amount", amount(c.capturedAmount()));
		m.put("refunded_amount", amount(c.refundedAmount()));
		m.put("status", c.status().code());
		m.put("completed_at", time(c.completedAt()));
		m.put("created_at", time(c.createdAt()));
		m.put("updated_at", time(c.updatedAt()));
		m.put("metadata", null);
		m.put("payment_providers", providerIds.stream().map(PaymentJson::provider).toList());
		m.put("payment_sessions", c.sessions().stream().map(PaymentJson::session).toList());
		return m;
	}

	/**
	 * A session; its provider data is the storefront's to use (Stripe's client secret is meant for the browser),
	 * its context (addresses, email) stays on the server.
	 */
	private static Map<String, Object> session(PaymentSession s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", s.id());
		m.put("amount", amount(s.amount()));
		m.put("currency_code", s.amount().currencyCodeLower());
		m.put("provider_id", s.providerId());
		m.put("data", s.data());
		m.put("status", s.status().code());
		m.put("authorized_at", time(s.authorizedAt()));
		m.put("payment_collection_id", s.collectionId());
		m.put("created_at", time(s.createdAt()));
		m.put("updated_at", time(s.updatedAt()));
		return m;
	}

	private static BigDecimal amount(Money money) {
		return ProductDocuments.number(money.amount());
	}

	private static String time(Instant instant) {
		return instant == null ? null : ProductDocuments.time(instant);
	}
}
