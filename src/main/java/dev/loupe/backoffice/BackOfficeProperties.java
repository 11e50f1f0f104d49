package dev.loupe.backoffice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The back office's settings (README, "Back office").
 *
 * @param sessionIdleTimeout a staff session unused this long ends ({@code LOUPE_BACKOFFICE_SESSION_IDLE_TIMEOUT})
 * @param sessionLifetime a staff session ends this long after signing in, used or not
 *        ({@code LOUPE_BACKOFFICE_SESSION_LIFETIME})
 * @param lowStockThreshold stock at or below which a variant without its own threshold shows as low
 *        ({@code LOUPE_BACKOFFICE_LOW_STOCK_THRESHOLD})
 */
@ConfigurationProperties("loupe.backoffice")
public record BackOfficeProperties(
		@DefaultValue("30m") Duration sessionIdleTimeout,
		@DefaultValue("8h") Duration sessionLifetime,
		@DefaultValue("5") int lowStockThreshold) {

	public BackOfficeProperties {
		if (sessionIdleTimeout.compareTo(Duration.ofMinutes(2)) < 0 || sessionLifetime.compareTo(sessionIdleTimeout) < 0
				|| sessionLifetime.compareTo(Duration.ofDays(7)) > 0) {
			throw new IllegalArgumentException("loupe.backoffice: the idle timeout must be at least 2 minutes and at "
					+ "most the session lifetime, which must be at most 7 days");
		}
		if (lowStockThreshold < 0) {
			throw new IllegalArgumentException("loupe.backoffice.low-stock-threshold must not be negative");
		}
	}
}
