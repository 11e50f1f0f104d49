package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalog.Product;
import dev.loupe.file.FileKeys;
import dev.loupe.file.FileStore;
import dev.loupe.file.StoredFile;
import dev.loupe.identity.Permission;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A product's images on its page: uploaded into the file store (local disk by default), moved up or down, deleted.
 * Only JPEG, PNG, GIF and WebP are accepted, recognised by their first bytes; the first image is the thumbnail.
 * The image list is written whole through {@link CatalogAdmin#updateProduct}, which publishes {@code ProductsChanged}.
 */
@Controller
class ProductImagesController {

	static final int MAX_IMAGES = 20;

	private final CatalogAdmin catalog;
	private final FileStore files;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	ProductImagesController(CatalogAdmin catalog, FileStore files, AuditLog audit, TransactionTemplate tx) {
		this.catalog = catalog;
		this.files = files;
		this.audit = audit;
		this.tx = tx;
	}

	@PostMapping("/app/products/{id}/images")
	@Requires(Permission.FILES_WRITE)
	String upload(@PathVariable String id, @RequestParam(name = "image", required = false) MultipartFile image,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Staff staff = Staff.of(request);
		requireCatalogWrite(staff);
		Product product = catalog.product(Forms.checkedId(id, "Product"));
		if (image == null || image.isEmpty()) {
			throw LoupeException.invalidData("Choose an image to upload.");
		}
		List<String> urls = urls(product);
		if (urls.size() >= MAX_IMAGES) {
			throw LoupeException.invalidData("A product has at most " + MAX_IMAGES + " images.");
		}
		byte[] content = image.getBytes();
		String type = imageType(content);
		if (type == null) {
			throw LoupeException.invalidData("Upload a JPEG, PNG, GIF or WebP image.");
		}
		String key = "products/" + Ids.next("img").toLowerCase(Locale.ROOT) + "." + type.substring("image/".length());
		if (!FileKeys.isValid(key)) {
			throw LoupeException.invalidData("The image could not be named.");
		}
		StoredFile stored = files.put(key, content, type);
		urls.add(stored.url());
		save(staff, request, product, urls, Map.of("uploaded", stored.url(), "size", stored.size()));
		Flash.put(request, response, Flash.success("Uploaded the image."));
		return "redirect:/app/products/" + product.id() + "#images";
	}

	@PostMapping("/app/products/{id}/images/{imageId}/move")
	@Requires(Permission.CATALOG_WRITE)
	String move(@PathVariable String id, @PathVariable String imageId, @RequestParam(defaultValue = "") String direction,
			HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(Forms.checkedId(id, "Product"));
		int at = index(product, imageId);
		int to = switch (direction) {
			case "up" -> at - 1;
			case "down" -> at + 1;
			default -> throw LoupeException.invalidData("Move an image up or down.");
		};
		List<String> urls = urls(product);
		if (to >= 0 && to < urls.size()) {
			urls.add(to, urls.remove(at));
			save(staff, request, product, urls, Map.of("moved", direction));
		}
		Flash.put(request, response, Flash.success(to == 0 ? "Moved; it is the thumbnail now." : "Moved the image."));
		return "redirect:/app/products/" + product.id() + "#images";
	}

	@PostMapping("/app/products/{id}/images/{imageId}/delete")
	@Requires(Permission.CATALOG_WRITE)
	String delete(@PathVariable String id, @PathVariable String imageId, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Product product = catalog.product(Forms.checkedId(id, "Product"));
		int at = index(product, imageId);
		List<String> urls = urls(product);
		String removed = urls.remove(at);
		save(staff, request, product, urls, Map.of("deleted", removed));
		Flash.put(request, response, Flash.success("Deleted the image."));
		return "redirect:/app/products/" + product.id() + "#images";
	}

	private void save(Staff staff, HttpServletRequest request, Product product, List<String> urls,
			Map<String, Object> details) {
		tx.executeWithoutResult(s -> {
			catalog.updateProduct(product.id(), Input.of(Map.of("images", urls.stream().map(u -> Map.of("url", u)).toList())));
			Map<String, Object> all = new java.util.LinkedHashMap<>(details);
			all.put("fields", List.of("images"));
			Forms.record(audit, staff, request, "product.updated", "product", product.id(), all);
		});
	}

	private static void requireCatalogWrite(Staff staff) {
		if (!staff.can(Permission.CATALOG_WRITE)) {
			throw new Forbidden("Changing products needs the catalogue write permission.");
		}
	}

	private static List<String> urls(Product product) {
		List<String> urls = new ArrayList<>();
		(product.images() == null ? List.<Product.Image>of() : product.images()).stream()
			.sorted(java.util.Comparator.comparingInt(Product.Image::rank))
			.forEach(i -> urls.add(i.url()));
		return urls;
	}

	private static int index(Product product, String imageId) {
		List<Product.Image> images = (product.images() == null ? List.<Product.Image>of() : product.images()).stream()
			.sorted(java.util.Comparator.comparingInt(Product.Image::rank)).toList();
		for (int i = 0; i < images.size(); i++) {
			if (images.get(i).id().equals(imageId)) {
				return i;
			}
		}
		throw LoupeException.notFound("Image", "(of this product)");
	}

	/** The image type by the first bytes, or null. */
	static String imageType(byte[] c) {
		if (c.length > 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (c.length > 8 && (c[0] & 0xFF) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
			return "image/png";
		}
		if (c.length > 6 && c[0] == 'G' && c[1] == 'I' && c[2] == 'F' && c[3] == '8') {
			return "image/gif";
		}
		if (c.length > 12 && c[0] == 'R' && c[1] == 'I' && c[2] == 'F' && c[3] == 'F' && c[8] == 'W' && c[9] == 'E'
				&& c[10] == 'B' && c[11] == 'P') {
			return "image/webp";
		}
		return null;
	}
}
