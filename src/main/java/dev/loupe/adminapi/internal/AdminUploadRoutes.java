package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.file.FileKeys;
import dev.loupe.file.FileStore;
import dev.loupe.file.StoredFile;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /admin/uploads}: files (product images, mostly) into the file store, answered with the URLs to put on
 * a product. Images are recognised by their first bytes, not by the name or type the client claims.
 */
@RestController
class AdminUploadRoutes {

	static final int MAX_FILES = 20;
	private static final Set<String> TEXT_TYPES = Set.of("text/csv", "text/plain");

	private final FileStore files;
	private final AuditLog audit;
	private final LoupeProperties properties;

	AdminUploadRoutes(FileStore files, AuditLog audit, LoupeProperties properties) {
		this.files = files;
		this.audit = audit;
		this.properties = properties;
	}

	@PostMapping(path = "/admin/uploads", consumes = "multipart/form-data")
	@Transactional
	Map<String, Object> upload(@RequestParam(name = "files", required = false) List<MultipartFile> uploads,
			HttpServletRequest http) throws IOException {
		if (uploads == null || uploads.isEmpty()) {
			throw LoupeException.invalidData("files is required: send one or more files in the multipart field 'files'");
		}
		if (uploads.size() > MAX_FILES) {
			throw LoupeException.invalidData("files must be at most " + MAX_FILES + " per request");
		}
		String base = PublicUrl.base(http, properties.publicUrl());
		List<Map<String, Object>> stored = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			byte[] content = upload.getBytes();
			if (content.length == 0) {
				throw LoupeException.invalidData("File " + safeName(upload.getOriginalFilename()) + " is empty");
			}
			String type = contentType(content, upload.getContentType());
			String key = "uploads/" + Ids.next("file").toLowerCase(Locale.ROOT) + "-" + safeName(upload.getOriginalFilename());
			if (!FileKeys.isValid(key)) {
				key = "uploads/" + Ids.next("file").toLowerCase(Locale.ROOT);
			}
			StoredFile file = files.put(key, content, type);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", key.substring("uploads/".length()));
			json.put("url", file.url().startsWith("/") ? base + file.url() : file.url());
			json.put("size", file.size());
			json.put("mime_type", type);
			stored.add(json);
			audit.record(AdminRequest.actor(http), "file.uploaded", "file", key, Map.of("size", file.size(), "mime_type", type));
		}
		return Map.of("files", stored);
	}

	@DeleteMapping("/admin/uploads/{id}")
	@Transactional
	Map<String, Object> delete(@PathVariable String id, HttpServletRequest http) {
		String key = "uploads/" + id;
		if (!FileKeys.isValid(key) || id.contains("/")) {
			throw LoupeException.invalidData("id is not the id of an upload");
		}
		files.delete(key);
		audit.record(AdminRequest.actor(http), "file.deleted", "file", key, null);
		return AdminJson.deleted(id, "file", null);
	}

	/** The type of the content: images by signature, a few text types as declared, anything else as bytes. */
	static String contentType(byte[] c, String declared) {
		if (starts(c, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(c, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (starts(c, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (c.length > 12 && starts(c, 'R', 'I', 'F', 'F') && c[8] == 'W' && c[9] == 'E' && c[10] == 'B' && c[11] == 'P') {
			return "image/webp";
		}
		if (c.length > 12 && c[4] == 'f' && c[5] == 't' && c[6] == 'y' && c[7] == 'p' && c[8] == 'a' && c[9] == 'v') {
			return "image/avif";
		}
		String head = new String(c, 0, Math.min(c.length, 512), java.nio.charset.StandardCharsets.UTF_8).strip();
		if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))) {
			return "image/svg+xml";
		}
		if (c.length > 4 && starts(c, '%', 'P', 'D', 'F')) {
			return "application/pdf";
		}
		String plain = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
		return TEXT_TYPES.contains(plain) ? plain : "application/octet-stream";
	}

	private static boolean starts(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** A file name reduced to safe characters for a storage key: "Lunettes été.JPG" becomes "lunettes-ete.jpg". */
	static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return "file";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String plain = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		String safe = plain.replaceAll("[^a-z0-9.]+", "-").replaceAll("\\.{2,}", ".").replaceAll("(^[-.]+|[-.]+$)", "");
		if (safe.length() > 80) {
			safe = safe.substring(safe.length() - 80).replaceAll("^[-.]+", "");
		}
		return safe.isEmpty() ? "file" : safe;
	}
}
