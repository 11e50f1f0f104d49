package dev.loupe.catalogcsv;

import java.time.Instant;

/**
 * One import of a product CSV: queued, running, completed or failed; how many rows it has and has written, and what
 * it created and updated.
 */
public record ProductImport(String id, String fileName, String status, int totalRows, int processedRows,
		int createdProducts, int updatedProducts, int createdVariants, int updatedVariants, String error,
		String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

	public static final String QUEUED = "queued";
	public static final String RUNNING = "running";
	public static final String COMPLETED = "completed";
	public static final String FAILED = "failed";

	public boolean finished() {
		return COMPLETED.equals(status) || FAILED.equals(status);
	}

	/** Progress from 0 to 100. */
	public int percent() {
		return totalRows == 0 ? (finished() ? 100 : 0) : (int) Math.min(100, (long) processedRows * 100 / totalRows);
	}
}
