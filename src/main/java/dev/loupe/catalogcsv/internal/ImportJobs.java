package dev.loupe.catalogcsv.internal;

import dev.loupe.catalogcsv.ProductImport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import jobs' rows: the file, the status and the progress counters. */
@Repository
public class ImportJobs {

	private static final String COLUMNS = """
			id, file_name, status, total_rows, processed_rows, created_products, updated_products, created_variants,
			updated_variants, error, created_by, created_at, started_at, finished_at""";

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String id, String fileName, String content, int totalRows, String createdBy) {
		jdbc.sql("""
				insert into catalogcsv.product_import (id, file_name, content, total_rows, created_by)
				values (?, ?, ?, ?, ?)""").params(id, fileName, content, totalRows, createdBy).update();
	}

	public Optional<ProductImport> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from catalogcsv.product_import where id = ?").param(id)
			.query(ImportJobs::row).optional();
	}

	public List<ProductImport> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from catalogcsv.product_import order by created_at desc, id desc limit ?")
			.param(limit).query(ImportJobs::row).list();
	}

	public Optional<String> content(String id) {
		return jdbc.sql("select content from catalogcsv.product_import where id = ?").param(id).query(String.class)
			.optional();
	}

	/** Marks the job running (again, when revived); returns false when it has finished already. */
	public boolean start(String id) {
		return jdbc.sql("""
				update catalogcsv.product_import set status = 'running', started_at = coalesce(started_at, now())
				where id = ? and status in ('queued', 'running')""").param(id).update() == 1;
	}

	/** Adds a batch's counts; runs in the batch's transaction. */
	public void progress(String id, int processedRows, int createdProducts, int updatedProducts, int createdVariants,
			int updatedVariants) {
		jdbc.sql("""
				update catalogcsv.product_import set processed_rows = ?, created_products = created_products + ?,
				  updated_products = updated_products + ?, created_variants = created_variants + ?,
				  updated_variants = updated_variants + ? where id = ?""")
			.params(processedRows, createdProducts, updatedProducts, createdVariants, updatedVariants, id).update();
	}

	/** Finishes the job; the file is dropped (it can be large and is no longer needed). */
	public void finish(String id, String status, String error) {
		jdbc.sql("""
				update catalogcsv.product_import set status = ?, error = ?, finished_at = now(), content = ''
				where id = ?""").params(status, error, id).update();
	}

	private static ProductImport row(ResultSet rs, int n) throws SQLException {
		return new ProductImport(rs.getString("id"), rs.getString("file_name"), rs.getString("status"),
				rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("created_products"),
				rs.getInt("updated_products"), rs.getInt("created_variants"), rs.getInt("updated_variants"),
				rs.getString("error"), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
