package dev.loupe.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loupe's own settings. Each has an environment variable (see README) and a default that works with no
 * configuration at all.
 *
 * @param dataDir where the embedded database, generated keys and local files live ({@code LOUPE_DATA_DIR})
 * @param databaseUrl an external PostgreSQL; empty means the embedded one ({@code DATABASE_URL})
 * @param publicUrl the URL shoppers and staff use, for links and the start-up banner ({@code LOUPE_PUBLIC_URL})
 * @param embeddedDb tuning of the embedded PostgreSQL
 * @param demo demo data settings
 * @param eventRetryAfter how long an event may stay undelivered before the outbox delivers it again
 *        ({@code LOUPE_EVENT_RETRY_AFTER})
 * @param banner print the start-up banner with URLs, login and publishable key ({@code LOUPE_BANNER})
 * @param adminApiKey a secret API key ({@code sk_} + 64 hex digits) that Loupe registers at start-up, so scripts and
 *        deployments can use the Admin API without a person creating a key first ({@code LOUPE_ADMIN_API_KEY})
 * @param redis the Redis that instances share the Store API response cache through
 */
@ConfigurationProperties("loupe")
public record LoupeProperties(
		@DefaultValue(".loupe") Path dataDir,
		@DefaultValue("") String databaseUrl,
		@DefaultValue("") String publicUrl,
		@DefaultValue EmbeddedDb embeddedDb,
		@DefaultValue Demo demo,
		@DefaultValue("true") boolean banner,
		@DefaultValue("1m") java.time.Duration eventRetryAfter,
		@DefaultValue("") String adminApiKey,
		@DefaultValue Redis redis) {

	/**
	 * @param port TCP port on 127.0.0.1; 0 picks a free one at each start ({@code LOUPE_EMBEDDED_DB_PORT})
	 * @param durable false gives a throwaway database, emptied at every start and without fsync; for tests only
	 */
	public record EmbeddedDb(@DefaultValue("0") int port, @DefaultValue("true") boolean durable) {
	}

	/**
	 * @param enabled load the demo store into an empty database at start-up ({@code LOUPE_DEMO})
	 * @param adminEmail the staff admin created with the demo store
	 * @param adminPassword its password ({@code LOUPE_DEMO_ADMIN_PASSWORD})
	 */
	public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("admin@loupe.test") String adminEmail,
			@DefaultValue("loupe-admin") String adminPassword) {
	}

	/**
	 * @param url {@code redis://[:password@]host:port/db} or {@code rediss://…}; empty means every instance caches on
	 *        its own and no Redis connection is made ({@code REDIS_URL})
	 */
	public record Redis(@DefaultValue("") String url) {
	}
}
