package dev.loupe.catalogcsv;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.catalogcsv.internal.ImportJobs;
import dev.loupe.catalogcsv.internal.ImportPlan;
import dev.loupe.inventory.StockSetup;
import dev.loupe.platform.Ids;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of product CSV files: a file is checked whole first — its header, every row, and the catalogue it will
 * change — and refused with every row's errors, or stored and queued as a durable background job (nothing is written
 * to the catalogue before every row passed). Re-importing the same file changes nothing (upsert by handle and SKU).
 */
@Service
public class ProductImports {

	/** The largest file accepted. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** A file's answer: the queued import, or why not (row errors, nothing queued). */
	public record Submission(Optional<String> importId, int rows, List<RowError> errors) {
	}

	private final ImportJobs jobs;
	private final CatalogAdmin catalog;
	private final StockSetup stock;
	private final SchedulerClient scheduler;
	private final OneTimeTask<Void> task;

	ProductImports(ImportJobs jobs, CatalogAdmin catalog, StockSetup stock, SchedulerClient scheduler,
			@Qualifier("productImportTask") OneTimeTask<Void> task) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.stock = stock;
		this.scheduler = scheduler;
		this.task = task;
	}

	/** The columns a file has, in the export's order. */
	public static List<String> columns() {
		return ImportPlan.COLUMNS;
	}

	/** Checks the file and, when every row is good, queues its import as the given member of staff. */
	@Transactional
	public Submission submit(String fileName, byte[] content, String staffId) {
		if (content.length > MAX_BYTES) {
			return refused(new RowError(1, null, "the file is " + (content.length / (1024 * 1024))
					+ " MB; the limit is " + MAX_BYTES / (1024 * 1024) + " MB"));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException e) {
			return refused(new RowError(1, null, "the file is not UTF-8 text; save it as \"CSV UTF-8\""));
		}
		ImportPlan plan = ImportPlan.check(text, catalog);
		if (!plan.errors().isEmpty()) {
			return new Submission(Optional.empty(), plan.rows(), plan.errors());
		}
		boolean anyStock = plan.groups().stream().flatMap(g -> g.rows().stream()).anyMatch(r -> r.stock() != null);
		if (anyStock && stock.locations().isEmpty()) {
			return refused(new RowError(1, "stock", "there is no stock location yet; create one or leave stock empty"));
		}
		String id = Ids.next("pimp");
		String name = fileName == null || fileName.isBlank() ? "products.csv"
				: fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
		jobs.insert(id, name.length() > 200 ? name.substring(0, 200) : name, text, plan.rows(), staffId);
		// In the same transaction: the job runs only if the import row was committed.
		scheduler.scheduleIfNotExists(task.instance(id), Instant.now());
		return new Submission(Optional.of(id), plan.rows(), List.of());
	}

	@Transactional(readOnly = true)
	public Optional<ProductImport> find(String id) {
		return jobs.find(id);
	}

	/** The latest imports, newest first. */
	@Transactional(readOnly = true)
	public List<ProductImport> recent(int limit) {
		return jobs.recent(Math.max(1, Math.min(100, limit)));
	}

	private static Submission refused(RowError error) {
		return new Submission(Optional.empty(), 0, List.of(error));
	}
}
