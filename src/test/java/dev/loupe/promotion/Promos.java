package dev.loupe.promotion;

import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.List;

/** Promotions built in memory for calculator tests. */
final class Promos {

	private Promos() {
	}

	static Promotion of(String id, ApplicationMethod.Type type, ApplicationMethod.Target target,
			ApplicationMethod.Allocation allocation, String value, String currency, Integer maxQuantity) {
		return new Promotion(id, id.toUpperCase(java.util.Locale.ROOT), false, PromotionStatus.ACTIVE, null, null,
				new ApplicationMethod("proma_" + id, type, target, allocation, new BigDecimal(value),
						currency == null ? null : Money.currency(currency), maxQuantity, null),
				List.of(), List.of(), true, false, null, 0, null, null, null, null);
	}

	static Promotion percentOff(String id, ApplicationMethod.Target target, String percent) {
		return of(id, ApplicationMethod.Type.PERCENTAGE, target, ApplicationMethod.Allocation.ACROSS, percent, null, null);
	}

	static Promotion amountOff(String id, String value, String currency) {
		return of(id, ApplicationMethod.Type.FIXED, ApplicationMethod.Target.ITEMS, ApplicationMethod.Allocation.ACROSS,
				value, currency, null);
	}

	static Promotion automatic(Promotion p) {
		return copy(p, true, p.combinable(), p.targetRules(), p.minimumSubtotals());
	}

	static Promotion exclusive(Promotion p) {
		return copy(p, p.automatic(), false, p.targetRules(), p.minimumSubtotals());
	}

	static Promotion targeting(Promotion p, TargetRule... rules) {
		return copy(p, p.automatic(), p.combinable(), List.of(rules), p.minimumSubtotals());
	}

	static Promotion withMinimums(Promotion p, Money... minimums) {
		return copy(p, p.automatic(), p.combinable(), p.targetRules(), List.of(minimums));
	}

	private static Promotion copy(Promotion p, boolean automatic, boolean combinable, List<TargetRule> rules,
			List<Money> minimums) {
		return new Promotion(p.id(), p.code(), automatic, p.status(), p.startsAt(), p.endsAt(), p.method(), rules,
				minimums, combinable, p.taxInclusive(), p.limit(), p.used(), p.limitPerCustomer(), p.metadata(),
				p.createdAt(), p.updatedAt());
	}

	static DiscountLine line(String id, String amount, String currency, int quantity) {
		return new DiscountLine(id, "prod_" + id, null, List.of(), quantity, Money.of(amount, currency), true);
	}
}
