package dev.loupe.identity.internal;

import dev.loupe.identity.SecretApiKey;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Registers {@code LOUPE_ADMIN_API_KEY} at start-up, so a deployment can script the Admin API from its first minute. */
@Component
class ConfiguredApiKey implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredApiKey.class);

	private final SecretApiKeys keys;
	private final LoupeProperties properties;

	ConfiguredApiKey(SecretApiKeys keys, LoupeProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String token = properties.adminApiKey().strip();
		if (token.isEmpty()) {
			return;
		}
		try {
			SecretApiKey key = keys.register(token, "LOUPE_ADMIN_API_KEY", "configuration");
			if (key.isRevoked()) {
				log.warn("LOUPE_ADMIN_API_KEY ({}) was revoked and stays revoked: set a new key", key.redacted());
			}
		}
		catch (LoupeException malformed) {
			throw new StartupException("LOUPE_ADMIN_API_KEY", "LOUPE_ADMIN_API_KEY must be sk_ followed by 64 lowercase hex digits "
					+ "(generate one with: echo sk_$(openssl rand -hex 32))");
		}
	}
}
