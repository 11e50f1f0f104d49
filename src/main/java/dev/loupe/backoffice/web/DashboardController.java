package dev.loupe.backoffice.web;

import dev.loupe.backoffice.BackOfficeProperties;
import dev.loupe.cart.CartActivity;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.SellableVariant;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.LowStock;
import dev.loupe.inventory.LowStockThresholds;
import dev.loupe.inventory.StockLevels;
import dev.loupe.market.Markets;
import dev.loupe.order.OrderReports;
import dev.loupe.platform.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: today's and the period's sales, orders, average order value, conversion and abandoned carts, the
 * orders waiting to be sent, the variants running out, and sales per day as a chart. One currency at a time.
 */
@Controller
class DashboardController {

	static final Set<Integer> PERIODS = Set.of(7, 30, 90);
	/** The order list of what the "Awaiting fulfilment" figure counts. */
	static final String AWAITING_FULFILLMENT = "/app/orders?status=pending&fulfillment=awaiting";

	private final OrderReports reports;
	private final CartActivity carts;
	private final StockLevels stock;
	private final ProductQueries products;
	private final Markets markets;
	private final BackOfficeProperties properties;
	private final LowStockThresholds thresholds;
	private final Clock clock;

	DashboardController(OrderReports reports, CartActivity carts, StockLevels stock, ProductQueries products,
			Markets markets, BackOfficeProperties properties, LowStockThresholds thresholds, Clock clock) {
		this.reports = reports;
		this.carts = carts;
		this.stock = stock;
		this.products = products;
		this.markets = markets;
		this.properties = properties;
		this.thresholds = thresholds;
		this.clock = clock;
	}



	@GetMapping("/app")
	@Requires(signedIn = true)
	String dashboard(@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) String currency,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		if (!staff.can(Permission.REPORTS_READ)) {
			// Roles without sales figures start on the first page they may see.
			return "redirect:" + (staff.can(Permission.ORDERS_READ) ? "/app/orders" : "/app/products");
		}
		int period = PERIODS.contains(days) ? days : 30;
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate first = today.minusDays(period - 1L);
		Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant end = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		List<String> currencies = new ArrayList<>(reports.currencies(from, end));
		markets.regions().stream().map(r -> r.currencyCode().toUpperCase(java.util.Locale.ROOT))
			.filter(c -> !currencies.contains(c)).forEach(currencies::add);
		String chosen = currency != null && currencies.contains(currency) ? currency
				: currencies.isEmpty() ? "USD" : currencies.getFirst();
		List<OrderReports.Day> perDay = reports.salesPerDay(chosen, first, today);
		OrderReports.Day todays = perDay.getLast();
		long periodOrders = perDay.stream().mapToLong(OrderReports.Day::orders).sum();
		Money periodSales = perDay.stream().map(OrderReports.Day::sales).reduce(Money.zero(chosen), Money::plus);
		Money average = periodOrders == 0 ? Money.zero(chosen)
				: Money.of(periodSales.amount().divide(java.math.BigDecimal.valueOf(periodOrders), 2, RoundingMode.HALF_UP),
						chosen);
		CartActivity.Figures cartFigures = carts.between(from, end);
		double conversion = cartFigures.created() == 0 ? 0 : (double) cartFigures.completed() / cartFigures.created();

		List<Figure> figures = List.of(
				new Figure("Sales today", Format.money(todays.sales()), Format.number(todays.orders())
						+ (todays.orders() == 1 ? " order" : " orders")),
				new Figure("Sales, last " + period + " days", Format.money(periodSales),
						Format.number(periodOrders) + (periodOrders == 1 ? " order" : " orders")),
				new Figure("Average order value", Format.money(average), "last " + period + " days"),
				new Figure("Conversion", Format.percent(conversion), Format.number(cartFigures.completed()) + " of "
						+ Format.number(cartFigures.created()) + " carts completed"),
				new Figure("Abandoned carts", Format.number(cartFigures.abandoned()), "with items, idle over an hour"),
				new Figure("Awaiting fulfilment", Format.number(reports.awaitingFulfillment()), "pending orders to send",
						staff.can(Permission.ORDERS_READ) ? AWAITING_FULFILLMENT : null));

		model.addAttribute("frame", new Frame(staff, "Dashboard", "dashboard", Flash.take(request, response)));
		model.addAttribute("figures", figures);
		model.addAttribute("chart", SalesChart.of(perDay));
		model.addAttribute("period", period);
		model.addAttribute("periods", List.of(7, 30, 90));
		model.addAttribute("currency", chosen);
		model.addAttribute("currencies", currencies);
		model.addAttribute("lowStock", lowStock());
		model.addAttribute("canOrders", staff.can(Permission.ORDERS_READ));
		return "app/dashboard";
	}

	private List<LowStockRow> lowStock() {
		List<LowStock> low = stock.low(thresholds.storeDefault(properties.lowStockThreshold()), 8);
		if (low.isEmpty()) {
			return List.of();
		}
		List<String> channels = markets.defaultSalesChannelId().map(List::of).orElse(List.of());
		Map<String, SellableVariant> variants = products.sellableVariants(low.stream().map(LowStock::variantId).toList(),
				channels);
		return low.stream().map(l -> {
			SellableVariant v = variants.get(l.variantId());
			return v == null ? new LowStockRow(l.variantId(), "(not on sale)", l.variantId(), "", l.available(), l.threshold())
					: new LowStockRow(l.variantId(), v.productTitle(), v.title(), v.sku() == null ? "" : v.sku(),
							l.available(), l.threshold());
		}).toList();
	}
}
