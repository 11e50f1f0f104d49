package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalogcsv.ProductExport;
import dev.loupe.catalogcsv.ProductImport;
import dev.loupe.catalogcsv.ProductImports;
import dev.loupe.catalogcsv.RowError;
import dev.loupe.identity.Permission;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV export and import of products. The export streams the whole catalogue; an import is checked whole (nothing is
 * written when a row is bad: the page lists every row's errors with a 400) and then runs as a durable background job,
 * whose page shows its progress, refreshed by htmx every second until it has finished.
 */
@Controller
class ProductCsvController {

	private final ProductExport export;
	private final ProductImports imports;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	ProductCsvController(ProductExport export, ProductImports imports, AuditLog audit, TransactionTemplate tx) {
		this.export = export;
		this.imports = imports;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/products/export")
	@Requires(Permission.CATALOG_READ)
	void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Staff staff = Staff.of(request);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"loupe-products-"
				+ LocalDate.now(ZoneOffset.UTC) + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		int rows = export.write(out);
		out.flush();
		tx.executeWithoutResult(s -> Forms.record(audit, staff, request, "product.exported", "product", "*",
				Map.of("rows", rows)));
	}

	@GetMapping("/app/products/import")
	@Requires(Permission.CATALOG_WRITE)
	String importPage(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(Staff.of(request), Flash.take(request, response), List.of(), null, model);
	}

	@PostMapping("/app/products/import")
	@Requires(Permission.CATALOG_WRITE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		Staff staff = Staff.of(request);
		if (file == null || file.isEmpty()) {
			response.setStatus(400);
			return page(staff, new Flash("error", "Choose a CSV file to import."), List.of(), null, model);
		}
		String name = file.getOriginalFilename() == null ? "products.csv" : file.getOriginalFilename();
		if (file.getSize() > ProductImports.MAX_BYTES) {
			response.setStatus(413);
			return page(staff, new Flash("error", "The file is larger than the limit of "
					+ ProductImports.MAX_BYTES / (1024 * 1024) + " MB; split it."), List.of(), name, model);
		}
		byte[] content = file.getBytes();
		ProductImports.Submission submission = tx.execute(s -> {
			ProductImports.Submission sub = imports.submit(name, content, staff.user().id());
			sub.importId().ifPresent(id -> Forms.record(audit, staff, request, "product.import_started", "product_import",
					id, Map.of("file", name, "rows", sub.rows())));
			return sub;
		});
		if (submission.importId().isEmpty()) {
			response.setStatus(400);
			List<RowError> errors = submission.errors();
			return page(staff, new Flash("error", "Nothing was imported: " + errors.size()
					+ (errors.size() == 1 ? " problem" : " problems") + " in " + name + ". Fix the file and upload it again."),
					errors, name, model);
		}
		String id = submission.importId().get();
		return "redirect:/app/products/import/" + id;
	}

	@GetMapping("/app/products/import/{id}")
	@Requires(Permission.CATALOG_WRITE)
	String progressPage(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		ProductImport job = job(id);
		model.addAttribute("frame", new Frame(staff, "Import " + job.fileName(), "products", Flash.take(request, response)));
		model.addAttribute("job", job);
		return "app/product-import";
	}

	@GetMapping("/app/products/import/{id}/progress")
	@Requires(Permission.CATALOG_WRITE)
	String progress(@PathVariable String id, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("job", job(id));
		return "app/import-progress";
	}

	private ProductImport job(String id) {
		return imports.find(Forms.checkedId(id, "Product import"))
			.orElseThrow(() -> LoupeException.notFound("Product import", id));
	}

	private String page(Staff staff, Flash flash, List<RowError> errors, String fileName, Model model) {
		model.addAttribute("frame", new Frame(staff, "Import and export", "products", flash));
		model.addAttribute("errors", errors);
		model.addAttribute("fileName", fileName);
		model.addAttribute("columns", ProductImports.columns());
		model.addAttribute("recent", imports.recent(10));
		return "app/product-csv";
	}
}
