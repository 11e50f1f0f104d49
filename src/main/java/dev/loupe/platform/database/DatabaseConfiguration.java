package dev.loupe.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.StartupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource}: the external PostgreSQL of {@code DATABASE_URL}, or else the embedded server. A
 * connection is tried before anything else starts, so a wrong URL fails with one sentence, not a stack trace.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "")
	EmbeddedDatabaseHandle embeddedDatabase(LoupeProperties properties) {
		if (!properties.databaseUrl().isBlank()) {
			return EmbeddedDatabaseHandle.NONE;
		}
		return new EmbeddedDatabaseHandle(EmbeddedPostgres.start(properties.dataDir(),
				properties.embeddedDb().port(), properties.embeddedDb().durable()));
	}

	@Bean
	HikariDataSource dataSource(LoupeProperties properties, EmbeddedDatabaseHandle embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("loupe");
		config.setMaximumPoolSize(Integer.getInteger("loupe.db.pool-size", 20));
		config.setMinimumIdle(2);
		config.setConnectionTimeout(10_000);
		// JDBC batches become multi-row INSERTs: bulk imports go several times faster.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		if (embedded.server() != null) {
			EmbeddedPostgres server = embedded.server();
			config.setJdbcUrl(server.jdbcUrl());
			config.setUsername(server.user());
			config.setPassword(server.password());
		}
		else {
			DatabaseUrl url = DatabaseUrl.parse(properties.databaseUrl());
			checkReachable(url);
			config.setJdbcUrl(url.jdbcUrl());
			if (url.user() != null) {
				config.setUsername(url.user());
			}
			if (url.password() != null) {
				config.setPassword(url.password());
			}
		}
		return new HikariDataSource(config) {
			@Override
			public void close() {
				super.close();
				embedded.release();
			}
		};
	}

	private static void checkReachable(DatabaseUrl url) {
		Properties props = new Properties();
		if (url.user() != null) {
			props.setProperty("user", url.user());
		}
		if (url.password() != null) {
			props.setProperty("password", url.password());
		}
		props.setProperty("connectTimeout", "5");
		props.setProperty("loginTimeout", "8");
		try (Connection c = DriverManager.getConnection(url.jdbcUrl(), props)) {
			int major = c.getMetaData().getDatabaseMajorVersion();
			if (major < 15) {
				throw new StartupException("DATABASE_URL", "DATABASE_URL points at PostgreSQL " + major + " on "
						+ url.describe() + ", but Loupe needs PostgreSQL 15 or newer.");
			}
		}
		catch (SQLException e) {
			throw new StartupException("DATABASE_URL", "DATABASE_URL: cannot connect to PostgreSQL at "
					+ url.describe() + " (" + firstLine(e.getMessage()) + ").", e);
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no reason given";
		}
		int nl = message.indexOf('\n');
		return nl < 0 ? message : message.substring(0, nl);
	}

	/** Holds the embedded server (or none) so that it is released after the pool closes. */
	record EmbeddedDatabaseHandle(EmbeddedPostgres server) {

		static final EmbeddedDatabaseHandle NONE = new EmbeddedDatabaseHandle(null);

		void release() {
			if (server != null) {
				server.release();
			}
		}
	}
}
