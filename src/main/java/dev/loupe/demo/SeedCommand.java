package dev.loupe.demo;

import dev.loupe.demo.internal.DemoStoreLoader;
import dev.loupe.demo.internal.SyntheticCatalog;
import dev.loupe.demo.internal.SyntheticOrders;
import dev.loupe.platform.StartupException;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar loupe.jar seed [--demo] [--products N] [--orders N]}: loads the demo store (when the database has no
 * store yet), optionally a synthetic catalogue of N products with three variants each and N orders over the last year
 * (after the products, so that they order them too), then exits.
 */
public final class SeedCommand {

	static final int MAX_PRODUCTS = 1_000_000;
	static final int MAX_ORDERS = 10_000_000;
	private static final String USAGE = "usage: java -jar loupe.jar seed [--demo] [--products N] [--orders N]   (products 1 to 1000000, orders 1 to 10000000)";

	private SeedCommand() {
	}

	/** Seeds with the given application class and returns the exit code: 0 done, 1 failed, 2 bad arguments. */
	public static int run(Class<?> application, String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("seed: " + e.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setDefaultProperties(Map.of("db-scheduler.enabled", "false"));
		// The command loads the demo itself, so that it can say what it did; the banner is for servers.
		try (ConfigurableApplicationContext context = spring.run("--loupe.demo.enabled=false", "--loupe.banner=false")) {
			boolean loaded = context.getBean(DemoStoreLoader.class).loadIfEmpty();
			System.out.println(loaded ? "Demo store loaded." : "The database already has a store; demo data left as it is.");
			if (options.products() > 0) {
				Progress progress = new Progress("Generating products", options.products(), System.out);
				context.getBean(SyntheticCatalog.class).generate(options.products(), progress::update);
				progress.done();
			}
			if (options.orders() > 0) {
				Progress progress = new Progress("Generating orders", options.orders(), System.out);
				context.getBean(SyntheticOrders.class).generate(options.orders(), progress::update);
				progress.done();
			}
			return 0;
		}
		catch (StartupException e) {
			System.err.println(e.getMessage());
			return 1;
		}
		catch (RuntimeException e) {
			System.err.println("seed failed: " + e.getMessage());
			return 1;
		}
	}

	/** Parsed arguments; {@code seed} alone means {@code seed --demo}. */
	record Options(boolean demo, int products, int orders) {

		Options(boolean demo, int products) {
			this(demo, products, 0);
		}

		static Options parse(String[] args) {
			boolean demo = false;
			int products = 0;
			int orders = 0;
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--demo" -> demo = true;
					case "--products" -> {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException("--products needs a number");
						}
						products = count(args[++i]);
					}
					case "--orders" -> {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException("--orders needs a number");
						}
						orders = count("--orders", args[++i], MAX_ORDERS);
					}
					default -> {
						if (args[i].startsWith("--products=")) {
							products = count(args[i].substring("--products=".length()));
						}
						else if (args[i].startsWith("--orders=")) {
							orders = count("--orders", args[i].substring("--orders=".length()), MAX_ORDERS);
						}
						else {
							throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
						}
					}
				}
			}
			return new Options(demo || (products == 0 && orders == 0), products, orders);
		}

		private static int count(String text) {
			return count("--products", text, MAX_PRODUCTS);
		}

		private static int count(String option, String text, int max) {
			try {
				int n = Integer.parseInt(text.replace("_", ""));
				if (n >= 1 && n <= max) {
					return n;
				}
			}
			catch (NumberFormatException e) {
				// reported below
			}
			throw new IllegalArgumentException(option + " must be a whole number from 1 to " + max + ", not '" + text + "'");
		}
	}

	/** A progress bar: redrawn in place on a terminal, a line every 10 % otherwise (CI logs, pipes). */
	static final class Progress {

		private final String label;
		private final long total;
		private final PrintStream out;
		private final boolean terminal = System.console() != null;
		private final long started = System.nanoTime();
		private long lastDecile = -1;

		Progress(String label, long total, PrintStream out) {
			this.label = label;
			this.total = total;
			this.out = out;
		}

		void update(long done) {
			double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
			double rate = done / seconds;
			long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
			int percent = (int) (done * 100 / total);
			String line = "%s [%-30s] %3d%%  %,d/%,d  %,.0f/s  ETA %d:%02d".formatted(label,
					"#".repeat(percent * 30 / 100), percent, done, total, rate, eta / 60, eta % 60);
			if (terminal) {
				out.print("\r" + line);
				out.flush();
			}
			else if (percent / 10 != lastDecile) {
				lastDecile = percent / 10;
				out.println(line);
			}
		}

		void done() {
			double seconds = (System.nanoTime() - started) / 1e9;
			out.println((terminal ? "\n" : "") + "%s: %,d done in %.1f s".formatted(label, total, seconds));
		}
	}
}
