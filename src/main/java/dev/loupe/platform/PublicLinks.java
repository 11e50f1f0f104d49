package dev.loupe.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URL of links Loupe sends out of band (emails): {@code LOUPE_PUBLIC_URL}, or this server on localhost at
 * the port it actually listens on. Requests use {@code platform.web.PublicUrl} instead, which knows the request.
 */
@Component
public class PublicLinks {

	private final LoupeProperties properties;
	private final Environment environment;

	PublicLinks(LoupeProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/** The base URL without a trailing slash. */
	public String base() {
		if (!properties.publicUrl().isBlank()) {
			return properties.publicUrl().replaceAll("/+$", "");
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "9000"));
		return "http://localhost:" + port;
	}
}
