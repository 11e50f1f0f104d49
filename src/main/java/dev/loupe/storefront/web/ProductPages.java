package dev.loupe.storefront.web;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductFilter;
import dev.loupe.catalog.ProductKind;
import dev.loupe.catalog.ProductOrder;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.ProductRelations;
import dev.loupe.inventory.StockLevels;
import dev.loupe.platform.LoupeException;
import dev.loupe.pricing.CalculatedPrice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The product page. The variant is chosen by {@code ?variant=}: every option value is a plain link to the variant
 * it selects, which htmx follows without a full reload (swapping price, stock state and images).
 */
@Controller
class ProductPages {

	/** Below this many units a managed variant shows "only N left". */
	static final int LOW_STOCK = 5;
	private static final Set<ProductRelations> FULL = EnumSet.of(ProductRelations.OPTIONS, ProductRelations.IMAGES,
			ProductRelations.VARIANTS, ProductRelations.CATEGORIES);

	private final ProductQueries products;
	private final StockLevels stock;
	private final Visits visits;
	private final Listings listings;

	ProductPages(ProductQueries products, StockLevels stock, Visits visits, Listings listings) {
		this.products = products;
		this.stock = stock;
		this.visits = visits;
		this.listings = listings;
	}

	@GetMapping("/products/{handle}")
	String product(@PathVariable String handle, HttpServletRequest http, HttpServletResponse response, Model model) {
		Visit visit = visits.of(http);
		Product product = (handle.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,199}")
				? products.page(new ProductFilter(visit.salesChannelIds(), List.of(), handle, null, List.of(), List.of(),
						List.of(), List.of()), ProductOrder.CREATED_AT, 1, 0, FULL).stream().findFirst()
				: java.util.Optional.<Product>empty())
			.orElseThrow(() -> LoupeException.notFound("Product", Formats.clean(handle, 80)));
		List<Product.Variant> variants = product.variants();
		List<String> ids = variants.stream().map(Product.Variant::id).toList();
		Map<String, CalculatedPrice> prices = ids.isEmpty() ? Map.of() : listings.prices(ids, visit.region());
		Map<String, Integer> available = ids.isEmpty() ? Map.of() : stock.available(ids);
		String wanted = CatalogPages.one(http, "variant");
		Product.Variant selected = variants.stream().filter(v -> v.id().equals(wanted)).findFirst()
			.orElse(variants.stream().filter(v -> buyable(v, available)).findFirst()
				.orElse(variants.isEmpty() ? null : variants.getFirst()));

		String base = "/products/" + product.handle();
		List<ProductPage.OptionChoice> options = new ArrayList<>();
		if (selected != null && product.options() != null) {
			for (Product.Option option : product.options()) {
				List<ProductPage.Value> values = new ArrayList<>();
				for (Product.OptionValue value : option.values()) {
					Product.Variant target = pick(variants, selected, option, value);
					boolean isSelected = selected.options().stream().anyMatch(o -> o.id().equals(value.id()));
					values.add(new ProductPage.Value(value.value(), target == null ? null : base + "?variant=" + target.id(),
							isSelected, target != null && buyable(target, available)));
				}
				options.add(new ProductPage.OptionChoice(option.title(), values));
			}
		}

		boolean digital = product.kind() == ProductKind.DIGITAL;
		String state;
		String label;
		int max = 10;
		if (selected == null) {
			state = "out";
			label = "Not available";
		}
		else if (digital) {
			state = "digital";
			label = "Instant download after purchase";
		}
		else if (!selected.manageInventory()) {
			state = "in";
			label = "In stock, ships in 1–2 business days";
		}
		else {
			int units = available.getOrDefault(selected.id(), 0);
			if (units <= 0 && selected.allowBackorder()) {
				state = "backorder";
				label = "Available on back-order: ships in 2–3 weeks";
			}
			else if (units <= 0) {
				state = "out";
				label = "Out of stock";
			}
			else if (units <= LOW_STOCK) {
				state = "low";
				label = "Only " + units + " left";
				max = selected.allowBackorder() ? 10 : units;
			}
			else {
				state = "in";
				label = "In stock, ships in 1–2 business days";
				max = selected.allowBackorder() ? 10 : Math.min(10, units);
			}
		}
		CalculatedPrice price = selected == null ? null : prices.get(selected.id());
		boolean canBuy = price != null && !"out".equals(state);

		List<String> images = images(product, selected);
		List<Crumb> crumbs = new ArrayList<>();
		crumbs.add(new Crumb("Home", "/"));
		Category category = product.categories() == null || product.categories().isEmpty() ? null
				: product.categories().getFirst();
		if (category != null) {
			crumbs.add(new Crumb(category.name(), "/categories/" + category.handle()));
		}
		crumbs.add(new Crumb(product.title(), null));

		List<ProductCard> related = List.of();
		if (category != null) {
			List<Product> near = products.page(CatalogPages.filter(visit.salesChannelIds(), null, List.of(category.id()),
					List.of()), ProductOrder.CREATED_AT_DESC, 5, 0, EnumSet.of(ProductRelations.VARIANTS));
			related = listings.cards(near.stream().filter(p -> !p.id().equals(product.id())).limit(4).toList(),
					visit.region());
		}
		String description = product.description();
		String metaDescription = description == null ? product.subtitle()
				: description.length() > 155 ? description.substring(0, 154) + "…" : description;
		Frame frame = visits.frame(visit, http, product.title(), metaDescription, false);
		frame = new Frame(frame.title(), frame.description(), visits.base(http) + base, frame.image(), frame.jsonLd(),
				false, frame.path(), frame.query(), frame.region(), frame.regions(), frame.nav(), frame.cartCount(),
				frame.loggedIn(), frame.css(), frame.js(), frame.htmx(), frame.storeName());
		if (!images.isEmpty()) {
			String first = images.getFirst();
			frame = frame.withImage(first.startsWith("/") ? visits.base(http) + first : first);
		}
		String notice = switch (Objects.requireNonNullElse(CatalogPages.one(http, "notice"), "")) {
			case "stock" -> "Sorry, we do not have that many in stock.";
			case "unavailable" -> "That item can no longer be bought.";
			default -> null;
		};
		ProductPage page = new ProductPage(frame, crumbs, product.handle(), product.title(), product.subtitle(),
				description, images, options, selected == null ? null : selected.id(),
				selected == null ? null : selected.title(), selected == null ? null : selected.sku(),
				price == null ? null : Formats.money(price.calculated()),
				price != null && price.calculated().compareTo(price.original()) < 0 ? Formats.money(price.original()) : null,
				label, state, canBuy, Math.max(1, max), digital, product.kind().code(), extension(product.kind()),
				related, notice, product.material(), product.originCountry());
		String json = JsonLd.product(page, visits.base(http), frame.canonical(),
				price == null ? null : price.calculated().amount().toPlainString(),
				price == null ? null : price.calculated().currencyCode());
		model.addAttribute("page", withFrame(page, frame.withJsonLd(json)));
		PageCaching.catalogue(http, response);
		return "storefront/product";
	}

	private static ProductPage withFrame(ProductPage p, Frame frame) {
		return new ProductPage(frame, p.crumbs(), p.handle(), p.title(), p.subtitle(), p.description(), p.images(),
				p.options(), p.variantId(), p.variantTitle(), p.sku(), p.price(), p.originalPrice(), p.stockLabel(),
				p.stockState(), p.canBuy(), p.maxQuantity(), p.digital(), p.kind(), p.extension(), p.related(),
				p.notice(), p.material(), p.origin());
	}

	/** Optical products get their lens builder from the optical issue; the page renders the partial it names. */
	private static String extension(ProductKind kind) {
		return null;
	}

	private static boolean buyable(Product.Variant v, Map<String, Integer> available) {
		return !v.manageInventory() || v.allowBackorder() || available.getOrDefault(v.id(), 0) > 0;
	}

	/** The variant with this value and the selected variant's values of the other options, else any with the value. */
	private static Product.Variant pick(List<Product.Variant> variants, Product.Variant selected, Product.Option option,
			Product.OptionValue value) {
		Product.Variant any = null;
		for (Product.Variant v : variants) {
			if (v.options().stream().noneMatch(o -> o.id().equals(value.id()))) {
				continue;
			}
			if (any == null) {
				any = v;
			}
			boolean rest = selected.options().stream()
				.filter(o -> !o.optionId().equals(option.id()))
				.allMatch(o -> v.options().stream().anyMatch(x -> x.id().equals(o.id())));
			if (rest) {
				return v;
			}
		}
		return any;
	}

	/** The product's images with the selected variant's first: an image named after one of its option values. */
	private static List<String> images(Product product, Product.Variant selected) {
		List<String> urls = new ArrayList<>(product.images() == null ? List.of()
				: product.images().stream().map(Product.Image::url).toList());
		if (urls.isEmpty() && product.thumbnail() != null) {
			urls.add(product.thumbnail());
		}
		if (selected != null) {
			for (Product.OptionValue value : selected.options()) {
				String slug = value.value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
				for (String url : List.copyOf(urls)) {
					if (url.endsWith("-" + slug + ".svg") || url.contains("-" + slug + "-") || url.contains("-" + slug + ".")) {
						urls.remove(url);
						urls.addFirst(url);
						return urls;
					}
				}
			}
		}
		return urls;
	}
}
