package dev.loupe.demo.internal;

import dev.loupe.market.Markets;
import dev.loupe.platform.LoupeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Loupe where everything is: URLs, the demo login and the publishable key. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger("dev.loupe.Banner");
	private static final String DEFAULT_PASSWORD = "loupe-admin";

	private final Markets markets;
	private final LoupeProperties properties;
	private final DemoStoreLoader demo;

	StartupBanner(Markets markets, LoupeProperties properties, DemoStoreLoader demo) {
		this.markets = markets;
		this.properties = properties;
		this.demo = demo;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!properties.banner() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		String base = properties.publicUrl().isBlank() ? "http://localhost:" + web.getWebServer().getPort()
				: properties.publicUrl().replaceAll("/+$", "");
		String login = properties.demo().adminEmail() + (properties.demo().adminPassword().equals(DEFAULT_PASSWORD)
				? " / " + DEFAULT_PASSWORD + "  (demo password: change it before going public)" : "");
		String key = markets.firstPublishableKeyToken().orElse("none yet: create one in the back office");
		String[][] rows = { { "Storefront", base + "/" }, { "Back office", base + "/app" },
				{ "Admin login", login }, { "Store API", base + "/store  (header x-publishable-api-key)" },
				{ "Publishable key", key }, { "Admin API", base + "/admin  (Authorization: Bearer <secret API key>)" },
				{ "Admin API key", demo.issuedApiKey().map(k -> k + "  (shown once: keep it)")
					.orElse(properties.adminApiKey().isBlank() ? "printed at the first start; or set LOUPE_ADMIN_API_KEY"
							: "LOUPE_ADMIN_API_KEY") }, { "Health", base + "/health" },
				{ "Metrics", base + "/actuator/prometheus" } };
		int width = 0;
		for (String[] row : rows) {
			width = Math.max(width, 17 + row[1].length());
		}
		StringBuilder box = new StringBuilder("Loupe is ready\n");
		box.append('+').append("-".repeat(width + 2)).append("+\n");
		for (String[] row : rows) {
			box.append("| ").append("%-15s  %s".formatted(row[0], row[1]));
			box.append(" ".repeat(width - 17 - row[1].length())).append(" |\n");
		}
		box.append('+').append("-".repeat(width + 2)).append('+');
		log.info(box.toString());
	}
}
