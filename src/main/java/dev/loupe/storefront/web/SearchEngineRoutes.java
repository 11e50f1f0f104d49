package dev.loupe.storefront.web;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductOrder;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.catalog.ProductRelations;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /robots.txt} and {@code /sitemap.xml} (home, categories, collections and every visible product, at most
 * 50,000 URLs as the protocol allows). The sitemap is built at most every ten minutes per base URL.
 */
@Controller
class SearchEngineRoutes {

	private static final int MAX_URLS = 50_000;
	private static final int BATCH = 1_000;
	private static final Duration FRESH = Duration.ofMinutes(10);

	private final ProductQueries products;
	private final Visits visits;
	private final Clock clock;
	private volatile Built built;

	private record Built(String base, byte[] xml, Instant at) {
	}

	SearchEngineRoutes(ProductQueries products, Visits visits, Clock clock) {
		this.products = products;
		this.visits = visits;
		this.clock = clock;
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots(HttpServletRequest http) {
		String base = visits.base(http);
		String body = """
				User-agent: *
				Allow: /
				Disallow: /cart
				Disallow: /checkout
				Disallow: /account
				Disallow: /order/
				Disallow: /search?*page=

				Sitemap: %s/sitemap.xml
				""".formatted(base);
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<byte[]> sitemap(HttpServletRequest http) {
		String base = visits.base(http);
		Built b = built;
		Instant now = clock.instant();
		if (b == null || !b.base().equals(base) || b.at().plus(FRESH).isBefore(now)) {
			b = new Built(base, build(base).getBytes(StandardCharsets.UTF_8), now);
			built = b;
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()).body(b.xml());
	}

	private String build(String base) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		int count = 0;
		url(xml, base + "/", null);
		count++;
		Visits.Snapshot snapshot = visits.snapshot();
		for (Category c : snapshot.categories()) {
			url(xml, base + "/categories/" + c.handle(), c.updatedAt());
			count++;
		}
		for (Collection c : products.collections()) {
			url(xml, base + "/collections/" + c.handle(), c.updatedAt());
			count++;
		}
		var filter = CatalogPages.filter(snapshot.channels(), null, List.of(), List.of());
		for (int offset = 0; count < MAX_URLS; offset += BATCH) {
			List<Product> batch = products.page(filter, ProductOrder.CREATED_AT, Math.min(BATCH, MAX_URLS - count), offset,
					EnumSet.noneOf(ProductRelations.class));
			for (Product p : batch) {
				url(xml, base + "/products/" + p.handle(), p.updatedAt());
				count++;
			}
			if (batch.size() < BATCH) {
				break;
			}
		}
		return xml.append("</urlset>\n").toString();
	}

	private static void url(StringBuilder xml, String loc, Instant modified) {
		xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
		if (modified != null) {
			xml.append("<lastmod>").append(DateTimeFormatter.ISO_INSTANT.format(modified.truncatedTo(
					java.time.temporal.ChronoUnit.SECONDS))).append("</lastmod>");
		}
		xml.append("</url>\n");
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
