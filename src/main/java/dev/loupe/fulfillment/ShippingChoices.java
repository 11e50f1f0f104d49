package dev.loupe.fulfillment;

import java.util.List;

/** What a cart may ship by ({@code offers}) and the options serving its destination that cannot ship it now. */
public record ShippingChoices(List<ShippingOffer> offers, List<Unavailable> unavailable) {

	/** An option left out, with the reason; {@code temporary} when it may be offered again shortly. */
	public record Unavailable(String optionId, String name, String reason, boolean temporary) {
	}

	/** The shopper-facing notes for the options left out for a while (e.g. a carrier's rates not answering). */
	public List<String> temporaryNotices() {
		return unavailable.stream()
			.filter(Unavailable::temporary)
			.map(u -> u.name() + " is not available right now: " + u.reason() + ". The other options still apply.")
			.toList();
	}
}
