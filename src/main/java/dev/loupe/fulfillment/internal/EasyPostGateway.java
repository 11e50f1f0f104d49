package dev.loupe.fulfillment.internal;

import com.easypost.exception.EasyPostException;
import com.easypost.model.Rate;
import com.easypost.model.Shipment;
import com.easypost.service.EasyPostClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * EasyPost's API through its official client: shipments (which come back with the carriers' rates), buying a rate's
 * label. Every failure (an error answer, a timeout, a refused connection) is a {@link CarrierFailure}.
 */
@Component
public class EasyPostGateway {

	private final WarehouseProperties warehouse;
	private final EasyPostClient client;

	EasyPostGateway(EasyPostProperties properties, WarehouseProperties warehouse) throws EasyPostException {
		this.warehouse = warehouse;
		int timeout = (int) properties.timeout().toMillis();
		this.client = properties.configured()
				? new EasyPostClient(properties.apiKey(), timeout, timeout, properties.apiBase())
				: null;
	}

	/** A call to the carrier platform failed; the message is safe to show to staff. */
	public static class CarrierFailure extends RuntimeException {

		CarrierFailure(String message, Throwable cause) {
			super(message, cause);
		}
	}

	public boolean configured() {
		return client != null;
	}

	/** Creates a shipment from the warehouse to {@code to}; it carries the rates of the account's carriers. */
	public Shipment createShipment(Map<String, Object> to, Map<String, Object> parcel, String reference) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("to_address", to);
		params.put("from_address", warehouse.asEasyPostAddress());
		params.put("parcel", parcel);
		if (reference != null) {
			params.put("reference", reference);
		}
		return call("create a shipment", () -> client().shipment.create(params));
	}

	public Shipment retrieve(String shipmentId) {
		return call("read shipment " + shipmentId, () -> client().shipment.retrieve(shipmentId));
	}

	public Shipment buy(String shipmentId, Rate rate) {
		return call("buy the label of shipment " + shipmentId, () -> client().shipment.buy(shipmentId, rate));
	}

	private EasyPostClient client() {
		if (client == null) {
			throw new CarrierFailure("EasyPost is not configured (EASYPOST_API_KEY)", null);
		}
		return client;
	}

	private interface Call<T> {
		T run() throws EasyPostException;
	}

	private static <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		}
		catch (EasyPostException e) {
			throw new CarrierFailure("EasyPost could not " + what + ": " + brief(e.getMessage()), e);
		}
		catch (RuntimeException e) {
			// The client wraps I/O failures (timeouts, refused connections) and unreadable answers in runtime errors.
			throw new CarrierFailure("EasyPost could not " + what + ": " + brief(e.getMessage()), e);
		}
	}

	private static String brief(String message) {
		if (message == null) {
			return "no answer";
		}
		String s = message.replaceAll("[\\x00-\\x1f\\x7f]", " ");
		return s.length() > 200 ? s.substring(0, 200) + "…" : s;
	}
}
