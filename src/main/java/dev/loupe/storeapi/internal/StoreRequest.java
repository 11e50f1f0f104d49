package dev.loupe.storeapi.internal;

import dev.loupe.platform.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** Query parameters of a Store API request, and the sales channels of its publishable key. */
final class StoreRequest extends QueryParameters {

	static final String CHANNELS = StoreRequest.class.getName() + ".channels";

	private final HttpServletRequest request;

	StoreRequest(HttpServletRequest request) {
		super(request);
		this.request = request;
	}

	/** The sales channels of the request's publishable key (set by the key filter). */
	@SuppressWarnings("unchecked")
	List<String> salesChannels() {
		return (List<String>) request.getAttribute(CHANNELS);
	}
}
