package dev.loupe;

import dev.loupe.platform.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Loupe: one application, four faces (Store API, storefront, back office, Admin API) over one core. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Loupe {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("seed")) {
			System.exit(dev.loupe.demo.SeedCommand.run(Loupe.class, args));
		}
		try {
			SpringApplication.run(Loupe.class, args);
		}
		catch (Throwable failure) {
			// Spring Boot's failure analyzers have already printed one clear sentence for known causes.
			StartupFailure.exitQuietly(failure);
		}
	}
}
