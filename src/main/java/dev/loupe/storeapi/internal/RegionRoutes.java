package dev.loupe.storeapi.internal;

import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /store/regions} and {@code GET /store/regions/{id}}. */
@RestController
class RegionRoutes {

	private final Markets markets;

	RegionRoutes(Markets markets) {
		this.markets = markets;
	}

	@GetMapping("/store/regions")
	ResponseEntity<byte[]> list(HttpServletRequest http) {
		StoreRequest request = new StoreRequest(http);
		int limit = request.limit(50);
		int offset = request.offset();
		String q = request.text("q");
		List<String> ids = request.list("id");
		String order = request.text("order");
		Comparator<Region> comparator = switch (order == null ? "created_at" : order) {
			case "created_at" -> Comparator.comparing(Region::createdAt);
			case "-created_at" -> Comparator.comparing(Region::createdAt).reversed();
			case "name" -> Comparator.comparing(Region::name);
			case "-name" -> Comparator.comparing(Region::name).reversed();
			default -> throw LoupeException.invalidData("Invalid request: 'order' cannot be '"
					+ ProductRoutes.sanitize(order) + "'; use created_at or name, with a leading - for descending");
		};
		List<Region> matching = markets.regions().stream()
			.filter(r -> ids.isEmpty() || ids.contains(r.id()))
			.filter(r -> q == null || r.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
			.sorted(comparator)
			.toList();
		List<Map<String, Object>> page = matching.stream().skip(offset).limit(limit).map(StoreJson::region).toList();
		return ProductRoutes.json(StoreJson.bytes(StoreJson.list("regions", page, matching.size(), offset, limit)));
	}

	@GetMapping("/store/regions/{id}")
	ResponseEntity<byte[]> retrieve(@PathVariable String id) {
		Region region = (Ids.isWellFormed(id) ? markets.region(id) : java.util.Optional.<Region>empty()).orElseThrow(() -> LoupeException.notFound("Region", ProductRoutes.sanitize(id)));
		return ProductRoutes.json(StoreJson.bytes(Map.of("region", StoreJson.region(region))));
	}
}
