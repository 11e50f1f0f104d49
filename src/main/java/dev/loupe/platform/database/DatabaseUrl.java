package dev.loupe.platform.database;

import dev.loupe.platform.StartupException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code DATABASE_URL} in either form operators meet: JDBC ({@code jdbc:postgresql://host:5432/db?user=…}) or the
 * libpq/Heroku form ({@code postgres://user:password@host:5432/db?sslmode=require}).
 */
record DatabaseUrl(String jdbcUrl, String user, String password, String host, int port, String database) {

	static DatabaseUrl parse(String raw) {
		String value = raw.strip();
		String uriText = value.startsWith("jdbc:") ? value.substring(5) : value;
		URI uri;
		try {
			uri = new URI(uriText);
		}
		catch (URISyntaxException e) {
			throw invalid(raw, "it is not a valid URL");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equals("postgres") || scheme.equals("postgresql"))) {
			throw invalid(raw, "it must start with postgres://, postgresql:// or jdbc:postgresql://");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw invalid(raw, "it names no host");
		}
		int port = uri.getPort() > 0 ? uri.getPort() : 5432;
		String path = uri.getPath() == null ? "" : uri.getPath();
		String database = path.startsWith("/") ? path.substring(1) : path;
		if (database.isBlank()) {
			throw invalid(raw, "it names no database");
		}
		String user = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = decode(parts[0]);
			password = parts.length > 1 ? decode(parts[1]) : null;
		}
		String query = uri.getRawQuery();
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
			.append(database);
		if (query != null && !query.isBlank()) {
			jdbc.append('?').append(query);
		}
		return new DatabaseUrl(jdbc.toString(), user, password, host, port, database);
	}

	private static String decode(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}

	private static StartupException invalid(String raw, String why) {
		String shown = raw.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
		return new StartupException("DATABASE_URL", "DATABASE_URL '" + shown + "' cannot be used: " + why + ".");
	}

	/** The URL without credentials, for messages. */
	String describe() {
		return host + ":" + port + "/" + database;
	}
}
