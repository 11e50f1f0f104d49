package dev.loupe.backoffice.web;

import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.Reservation;
import dev.loupe.inventory.Reservations;
import dev.loupe.inventory.StockLocation;
import dev.loupe.inventory.StockSetup;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every open reservation in the store, newest first: which order holds how much of what, where. */
@Controller
class ReservationsController {

	static final int PAGE_SIZE = 50;
	static final int MAX_PAGE = 400;

	private final Reservations reservations;
	private final CatalogAdmin catalog;
	private final StockSetup setup;

	ReservationsController(Reservations reservations, CatalogAdmin catalog, StockSetup setup) {
		this.reservations = reservations;
		this.catalog = catalog;
		this.setup = setup;
	}

	@GetMapping("/app/inventory/reservations")
	@Requires(Permission.CATALOG_READ)
	String list(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + ".");
		}
		List<Reservation> found = reservations.open(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = found.size() > PAGE_SIZE;
		List<Reservation> shown = more ? found.subList(0, PAGE_SIZE) : found;
		Map<String, String> locationNames = new HashMap<>();
		for (StockLocation l : setup.locations()) {
			locationNames.put(l.id(), l.name());
		}
		Map<String, Product> products = new HashMap<>();
		List<ReservationRow> rows = new ArrayList<>();
		for (Reservation r : shown) {
			String productId = catalog.liveProductOfVariant(r.variantId()).orElse(null);
			Product product = productId == null ? null : products.computeIfAbsent(productId, catalog::product);
			Product.Variant variant = product == null ? null : product.variants().stream()
				.filter(v -> v.id().equals(r.variantId())).findFirst().orElse(null);
			rows.add(new ReservationRow(r, product == null ? "(deleted product)" : product.title(),
					variant == null ? r.variantId() : variant.title(), variant == null || variant.sku() == null ? "" : variant.sku(),
					locationNames.getOrDefault(r.locationId(), r.locationId())));
		}
		String base = "/app/inventory/reservations?page=";
		Reservations.Totals totals = reservations.openTotals();
		model.addAttribute("frame", new Frame(staff, "Reservations", "inventory", Flash.take(request, response)));
		model.addAttribute("rows", rows);
		model.addAttribute("totals", totals);
		model.addAttribute("canOrders", staff.can(Permission.ORDERS_READ));
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + shown.size()));
		return "app/reservations";
	}
}
