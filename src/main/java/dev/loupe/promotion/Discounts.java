package dev.loupe.promotion;

import dev.loupe.platform.Money;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The adjustments a cart gets, on its lines and on its shipping methods, in the order the promotions applied. */
public record Discounts(List<Adjustment> lineAdjustments, List<Adjustment> shippingAdjustments) {

	public Discounts {
		lineAdjustments = List.copyOf(lineAdjustments);
		shippingAdjustments = List.copyOf(shippingAdjustments);
	}

	/** The sum of all adjustments. */
	public Money total(Currency currency) {
		return Stream.concat(lineAdjustments.stream(), shippingAdjustments.stream())
			.map(Adjustment::amount)
			.reduce(Money.zero(currency), Money::plus);
	}

	/** The sum of the adjustments on one line or shipping method. */
	public Money on(String targetId, Currency currency) {
		return Stream.concat(lineAdjustments.stream(), shippingAdjustments.stream())
			.filter(a -> a.targetId().equals(targetId))
			.map(Adjustment::amount)
			.reduce(Money.zero(currency), Money::plus);
	}

	/** The ids of the promotions that gave a discount, each once: what an order records with {@link Promotions#recordUsage}. */
	public List<String> promotionIds() {
		Set<String> ids = new LinkedHashSet<>();
		Stream.concat(lineAdjustments.stream(), shippingAdjustments.stream()).forEach(a -> ids.add(a.promotionId()));
		return List.copyOf(ids);
	}
}
