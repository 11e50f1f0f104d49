package dev.loupe.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentUpdateParams;
import com.stripe.param.RefundCreateParams;
import dev.loupe.payment.PaymentProvider;
import dev.loupe.payment.PaymentProviderException;
import dev.loupe.payment.PaymentRequest;
import dev.loupe.payment.PaymentSessionStatus;
import dev.loupe.payment.ProviderPayment;
import dev.loupe.payment.ProviderResult;
import dev.loupe.payment.ProviderSession;
import dev.loupe.platform.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe ({@code pp_stripe_stripe}, Medusa's id) with the deferred PaymentIntent pattern: {@link #initiate} creates a
 * PaymentIntent for the session's amount and answers its {@code client_secret}, with which the storefront's Payment
 * Element confirms the payment in the browser (3-D Secure included); {@link #authorize} then reads the intent back
 * (confirming it when it waits for confirmation) and maps its status. Every call that creates or moves money carries
 * an idempotency key; stripe-java repeats requests that failed on the network or with a 409/5xx with the same key.
 */
public class StripePaymentProvider implements PaymentProvider {

	public static final String ID = "pp_stripe_stripe";

	private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

	/** Statuses in which an intent's amount may still be changed. */
	private static final Set<String> UPDATABLE = Set.of("requires_payment_method", "requires_confirmation",
			"requires_action");

	private final StripeClient stripe;
	private final StripeProperties properties;

	public StripePaymentProvider(StripeClient stripe, StripeProperties properties) {
		this.stripe = stripe;
		this.properties = properties;
	}

	@Override
	public String id() {
		return ID;
	}

	/** The publishable key for the storefront's Payment Element ({@code STRIPE_PUBLISHABLE_KEY}). */
	@Override
	public Map<String, Object> clientSettings() {
		return properties.publishableKey().isBlank() ? Map.of() : Map.of("publishable_key", properties.publishableKey());
	}

	@Override
	public ProviderResult initiate(PaymentRequest request) {
		long amount = StripeAmounts.toStripe(request.amount());
		PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency(request.amount().currencyCodeLower())
			.setCaptureMethod(properties.automaticCapture() ? PaymentIntentCreateParams.CaptureMethod.AUTOMATIC
					: PaymentIntentCreateParams.CaptureMethod.MANUAL)
			.setAutomaticPaymentMethods(
					PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
			.putMetadata("session_id", request.sessionId())
			.putMetadata("collection_id", request.collectionId());
		if (request.context().get("cart_id") instanceof String cartId) {
			params.putMetadata("cart_id", cartId);
		}
		if (request.context().get("email") instanceof String email) {
			params.setReceiptEmail(email);
		}
		// One intent per session and amount: a repeated call (a retry, a crash) answers the same intent.
		String key = "loupe:" + request.idempotencyKey() + ":" + amount + request.amount().currencyCodeLower();
		PaymentIntent intent = call("create a PaymentIntent",
				() -> stripe.v1().paymentIntents().create(params.build(), options(key)));
		return ProviderResult.of(PaymentSessionStatus.PENDING, data(intent));
	}

	@Override
	public ProviderResult authorize(ProviderSession session, String idempotencyKey) {
		String id = intentId(session.data());
		PaymentIntent intent = call("read PaymentIntent " + id, () -> stripe.v1().paymentIntents().retrieve(id));
		long expected = StripeAmounts.toStripe(session.amount());
		if (intent.getAmount() != expected) {
			if (!UPDATABLE.contains(intent.getStatus())) {
				// Paid for another amount: the money held (or taken) for it is given back, and the shopper pays anew.
				if ("requires_capture".equals(intent.getStatus())) {
					cancelIntent(id, idempotencyKey + ":cancel");
				}
				else if ("succeeded".equals(intent.getStatus())) {
					call("refund PaymentIntent " + id, () -> stripe.v1().refunds().create(
							RefundCreateParams.builder().setPaymentIntent(id).build(), options(idempotencyKey + ":refund")));
				}
				return new ProviderResult(PaymentSessionStatus.ERROR, data(intent), "PaymentIntent " + id + " is for "
						+ intent.getAmount() + " " + intent.getCurrency() + " but " + session.amount() + " is due; "
						+ "start a new payment session");
			}
			// The cart changed after the intent was made: the intent follows, and the shopper confirms the new amount.
			intent = call("update PaymentIntent " + id, () -> stripe.v1().paymentIntents().update(id,
					PaymentIntentUpdateParams.builder().setAmount(expected).build(),
					options("loupe:" + session.sessionId() + ":amount:" + expected)));
		}
		if ("requires_confirmation".equals(intent.getStatus())) {
			PaymentIntent waiting = intent;
			intent = call("confirm PaymentIntent " + id, () -> stripe.v1().paymentIntents().confirm(waiting.getId(),
					PaymentIntentConfirmParams.builder().build(), options(idempotencyKey)));
		}
		return result(intent);
	}

	/** The session status an intent's status means. */
	static ProviderResult result(PaymentIntent intent) {
		Map<String, Object> data = data(intent);
		return switch (intent.getStatus()) {
			case "requires_capture", "succeeded" -> ProviderResult.of(PaymentSessionStatus.AUTHORIZED, data);
			case "requires_action", "processing", "requires_confirmation" ->
				new ProviderResult(PaymentSessionStatus.REQUIRES_MORE, data, "processing".equals(intent.getStatus())
						? "the payment is processing" : "the payment requires more action from the customer");
			case "canceled" -> new ProviderResult(PaymentSessionStatus.ERROR, data, "the payment was canceled");
			default -> new ProviderResult(PaymentSessionStatus.ERROR, data, declined(intent.getLastPaymentError()));
		};
	}

	@Override
	public ProviderResult capture(ProviderPayment payment, Money amount, String idempotencyKey) {
		String id = intentId(payment.data());
		if ("succeeded".equals(payment.data().get("status"))) {
			return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, payment.data()); // captured automatically
		}
		long minor = StripeAmounts.toStripe(amount);
		PaymentIntent intent = call("capture PaymentIntent " + id, () -> stripe.v1().paymentIntents().capture(id,
				PaymentIntentCaptureParams.builder().setAmountToCapture(minor).build(), options(idempotencyKey)));
		if (!"succeeded".equals(intent.getStatus())) {
			throw new PaymentProviderException("Stripe did not capture PaymentIntent " + id + ": it is "
					+ intent.getStatus());
		}
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, data(intent));
	}

	@Override
	public ProviderResult refund(ProviderPayment payment, Money amount, String idempotencyKey) {
		String id = intentId(payment.data());
		long minor = StripeAmounts.toStripe(amount);
		Refund refund = call("refund PaymentIntent " + id, () -> stripe.v1().refunds().create(
				RefundCreateParams.builder().setPaymentIntent(id).setAmount(minor).build(), options(idempotencyKey)));
		if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
			throw new PaymentProviderException("Stripe refund " + refund.getId() + " " + refund.getStatus()
					+ (refund.getFailureReason() == null ? "" : ": " + refund.getFailureReason()));
		}
		Map<String, Object> data = new LinkedHashMap<>(payment.data());
		data.put("last_refund_id", refund.getId());
		return ProviderResult.of(PaymentSessionStatus.AUTHORIZED, data);
	}

	/**
	 * Voids an authorised payment. An intent that was captured automatically cannot be canceled: it is refunded in
	 * full instead (the checkout's compensation must give the money back either way).
	 */
	@Override
	public void cancel(ProviderPayment payment, String idempotencyKey) {
		String id = intentId(payment.data());
		if ("succeeded".equals(payment.data().get("status"))) {
			call("refund PaymentIntent " + id, () -> stripe.v1().refunds().create(
					RefundCreateParams.builder().setPaymentIntent(id).build(), options(idempotencyKey + ":refund")));
			return;
		}
		cancelIntent(id, idempotencyKey);
	}

	@Override
	public void cancel(ProviderSession session, String idempotencyKey) {
		if (session.data().get("id") instanceof String id) {
			cancelIntent(id, idempotencyKey);
		}
	}

	/** Cancels an intent; one that is already canceled counts as done. */
	private void cancelIntent(String id, String idempotencyKey) {
		try {
			stripe.v1().paymentIntents().cancel(id, PaymentIntentCancelParams.builder().build(), options(idempotencyKey));
		}
		catch (InvalidRequestException e) {
			PaymentIntent now = call("read PaymentIntent " + id, () -> stripe.v1().paymentIntents().retrieve(id));
			if (!"canceled".equals(now.getStatus())) {
				throw new PaymentProviderException("Stripe could not cancel PaymentIntent " + id + " (it is "
						+ now.getStatus() + "): " + e.getMessage(), e);
			}
		}
		catch (StripeException e) {
			throw failure("cancel PaymentIntent " + id, e);
		}
	}

	private RequestOptions options(String idempotencyKey) {
		String key = idempotencyKey.length() > 255 ? idempotencyKey.substring(0, 255) : idempotencyKey;
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

	/** The data a session or payment keeps of its intent; the client secret is for the storefront's Payment Element. */
	static Map<String, Object> data(PaymentIntent intent) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", intent.getId());
		data.put("client_secret", intent.getClientSecret());
		data.put("status", intent.getStatus());
		data.put("amount", intent.getAmount());
		data.put("currency", intent.getCurrency());
		data.put("capture_method", intent.getCaptureMethod());
		if (intent.getNextAction() != null) {
			Map<String, Object> action = new LinkedHashMap<>();
			action.put("type", intent.getNextAction().getType());
			if (intent.getNextAction().getRedirectToUrl() != null) {
				action.put("redirect_to_url", Map.of("url", intent.getNextAction().getRedirectToUrl().getUrl()));
			}
			data.put("next_action", action);
		}
		if (intent.getLastPaymentError() != null) {
			data.put("last_payment_error", declined(intent.getLastPaymentError()));
		}
		return data;
	}

	private static String declined(StripeError error) {
		if (error == null) {
			return "the payment has no payment method yet; confirm it with the Payment Element first";
		}
		String code = error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
		return (error.getMessage() == null ? "the payment was declined" : error.getMessage())
				+ (code == null ? "" : " (" + code + ")");
	}

	private static String intentId(Map<String, Object> data) {
		if (data.get("id") instanceof String id && id.startsWith("pi_")) {
			return id;
		}
		throw new PaymentProviderException("The payment has no Stripe PaymentIntent");
	}

	private interface StripeCall<T> {
		T run() throws StripeException;
	}

	private static <T> T call(String what, StripeCall<T> call) {
		try {
			return call.run();
		}
		catch (StripeException e) {
			throw failure(what, e);
		}
	}

	/** Stripe's errors as provider failures: a declined card says why, for the shopper; the rest for the log. */
	private static PaymentProviderException failure(String what, StripeException e) {
		if (e instanceof CardException card) {
			return new PaymentProviderException(declined(card.getStripeError()), e);
		}
		if (e instanceof ApiConnectionException) {
			log.warn("Stripe could not be reached to {}: {}", what, e.getMessage());
			return new PaymentProviderException("Stripe could not be reached to " + what, e);
		}
		log.warn("Stripe refused to {}: {} (request {})", what, e.getMessage(), e.getRequestId());
		return new PaymentProviderException("Stripe could not " + what + ": "
				+ (e.getStripeError() != null && e.getStripeError().getMessage() != null ? e.getStripeError().getMessage()
						: "HTTP " + e.getStatusCode()), e);
	}
}
