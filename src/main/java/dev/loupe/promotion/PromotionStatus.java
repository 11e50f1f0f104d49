package dev.loupe.promotion;

import java.util.Locale;

/** Only active promotions apply; drafts are being prepared, inactive ones were switched off. */
public enum PromotionStatus {
	DRAFT, ACTIVE, INACTIVE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
