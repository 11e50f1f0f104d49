package dev.loupe.storeapi.internal;

import dev.loupe.platform.LoupeProperties;
import dev.loupe.platform.StartupException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Redis client behind the shared response cache, created only when {@code REDIS_URL} is set: without it Loupe
 * makes no connection and reports no Redis health, and each instance caches on its own. Lettuce is used directly
 * because Spring Data Redis's auto-configuration would connect to localhost and report its health either way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguration.UrlSet.class)
class RedisConfiguration {

	// A lookup that takes longer than this costs more than computing the response: give up and compute it.
	static final Duration COMMAND_TIMEOUT = Duration.ofMillis(200);
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	@Bean(destroyMethod = "shutdown")
	RedisClient redisClient() {
		RedisClient client = RedisClient.create();
		client.setOptions(ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
			.timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
			// While the connection is down, fail at once (the caller computes the response) instead of queueing.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		return client;
	}

	@Bean(destroyMethod = "close")
	RedisResponseStore redisResponseStore(RedisClient redisClient, LoupeProperties properties) {
		return new RedisResponseStore(redisClient, uri(properties.redis().url()));
	}

	/**
	 * Redis's state in {@code /actuator/health} ({@code /actuator/health/redis} when components are shown). Not part
	 * of readiness: requests are answered without Redis too, and taking every instance out of service because the
	 * shared cache is down would turn a slower shop into a closed one.
	 */
	@Bean
	HealthIndicator redisHealthIndicator(RedisResponseStore store) {
		return store::health;
	}

	static RedisURI uri(String raw) {
		String value = raw.strip();
		if (!value.startsWith("redis://") && !value.startsWith("rediss://")) {
			throw invalid(raw, "it must start with redis:// or rediss://");
		}
		RedisURI uri;
		try {
			uri = RedisURI.create(value);
		}
		catch (RuntimeException e) {
			throw invalid(raw, "it is not a valid URL");
		}
		if (!StringUtils.hasText(uri.getHost())) {
			throw invalid(raw, "it names no host");
		}
		uri.setTimeout(COMMAND_TIMEOUT);
		return uri;
	}

	private static StartupException invalid(String raw, String why) {
		String shown = raw.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
		return new StartupException("REDIS_URL", "REDIS_URL '" + shown + "' cannot be used: " + why + ".");
	}

	/** {@code loupe.redis.url} is set and not blank (the YAML maps an unset {@code REDIS_URL} to an empty string). */
	static final class UrlSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("loupe.redis.url"));
		}
	}
}
