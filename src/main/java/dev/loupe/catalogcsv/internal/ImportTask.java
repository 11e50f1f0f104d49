package dev.loupe.catalogcsv.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable import task ({@value #NAME}, one instance per import id): db-scheduler runs it on one instance at a time
 * and revives it when the instance running it dies; the runner then resumes after the last committed batch.
 */
@Configuration(proxyBeanMethods = false)
public class ImportTask {

	public static final String NAME = "product-import";

	@Bean
	OneTimeTask<Void> productImportTask(ImportRunner runner) {
		return Tasks.oneTime(NAME).execute((instance, context) -> runner.run(instance.getId()));
	}
}
