package dev.loupe.backoffice.web;

import dev.loupe.customer.Customer;
import dev.loupe.customer.Customers;
import dev.loupe.identity.Permission;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.order.FulfillmentStatus;
import dev.loupe.order.OrderFilter;
import dev.loupe.order.OrderSearch;
import dev.loupe.order.OrderStatus;
import dev.loupe.order.PaymentStatus;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The order list: search by number, email or customer name, filters by status, payment, fulfilment, region and
 * dates, pages of {@link #PAGE_SIZE} (no total: see {@link OrderSearch}). The filter form reloads the results with
 * htmx as staff type; every state is a plain URL, so a filtered list can be bookmarked and shared.
 */
@Controller
class OrderListController {

	static final int PAGE_SIZE = 25;

	private final OrderSearch search;
	private final Customers customers;
	private final Markets markets;

	OrderListController(OrderSearch search, Customers customers, Markets markets) {
		this.search = search;
		this.customers = customers;
		this.markets = markets;
	}



	@GetMapping("/app/orders")
	@Requires(Permission.ORDERS_READ)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String payment, @RequestParam(defaultValue = "") String fulfillment,
			@RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		OrderListFilter filter = new OrderListFilter(q.strip(), status, payment, fulfillment, region, from, to);
		List<Region> regions = markets.regions();
		check("status", status, Arrays.stream(OrderStatus.values()).map(OrderStatus::wire).toList());
		check("payment", payment, Arrays.stream(PaymentStatus.values()).map(PaymentStatus::wire).toList());
		check("fulfillment", fulfillment, fulfillmentFilters());
		check("region", region, regions.stream().map(Region::id).toList());
		if (filter.q().length() > 200 || filter.q().indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search is too long.");
		}
		int maxPage = OrderSearch.MAX_OFFSET / PAGE_SIZE + 1;
		if (page < 1 || page > maxPage) {
			throw LoupeException.invalidData("Pages go from 1 to " + maxPage + "; narrow the search to see older orders.");
		}
		List<String> byName = List.of();
		if (!filter.q().isEmpty() && !filter.q().matches("#?[0-9]+") && !filter.q().contains("@")
				&& staff.can(Permission.CUSTOMERS_READ)) {
			byName = customers.list(filter.q(), 50, 0).stream().map(Customer::id).toList();
		}
		OrderFilter orderFilter = new OrderFilter(filter.q(), byName, blank(status), blank(payment), blank(fulfillment),
				blank(region), date("from", from, 0), date("to", to, 1));
		int offset = (page - 1) * PAGE_SIZE;
		OrderSearch.Page result = search.find(orderFilter, PAGE_SIZE, offset);
		String base = "/app/orders?" + filter.query().replaceFirst("^&", "");
		String separator = base.endsWith("?") ? "" : "&";
		Pager pager = new Pager(page, page > 1 ? base + separator + "page=" + (page - 1) : null,
				result.hasMore() && page < maxPage ? base + separator + "page=" + (page + 1) : null, offset + 1,
				offset + result.orders().size());

		model.addAttribute("frame", new Frame(staff, "Orders", "orders", Flash.take(request, response)));
		model.addAttribute("filter", filter);
		model.addAttribute("orders", result.orders());
		model.addAttribute("pager", pager);
		model.addAttribute("regions", regions.stream().collect(Collectors.toMap(Region::id, Region::name, (a, b) -> a,
				LinkedHashMap::new)));
		model.addAttribute("statuses", Arrays.stream(OrderStatus.values()).map(OrderStatus::wire).toList());
		model.addAttribute("payments", Arrays.stream(PaymentStatus.values()).map(PaymentStatus::wire).toList());
		model.addAttribute("fulfillments", fulfillmentFilters());
		return "app/orders";
	}

	/** The fulfilment filters: "awaiting" (what the dashboard counts as still to send), then every status. */
	private static List<String> fulfillmentFilters() {
		List<String> all = new java.util.ArrayList<>(List.of(OrderFilter.AWAITING_FULFILLMENT));
		Arrays.stream(FulfillmentStatus.values()).map(FulfillmentStatus::wire).forEach(all::add);
		return all;
	}

	private static void check(String name, String value, List<String> allowed) {
		if (!value.isEmpty() && !allowed.contains(value)) {
			throw LoupeException.invalidData("Unknown " + name + " filter.");
		}
	}

	private static String blank(String value) {
		return value.isEmpty() ? null : value;
	}

	private static java.time.Instant date(String name, String value, int plusDays) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException e) {
			throw LoupeException.invalidData("The " + name + " date must be written as 2026-01-31.");
		}
	}
}
