package dev.loupe.storeapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.StartupException;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code REDIS_URL} in the forms operators write, and one sentence naming it, without its password, when wrong. */
class RedisConfigurationTests {

	@Test
	void plainTlsAndPasswordUrlsAreUnderstoodWithTheShortTimeout() {
		RedisURI plain = RedisConfiguration.uri("redis://127.0.0.1:6379/0");
		assertThat(plain.getHost()).isEqualTo("127.0.0.1");
		assertThat(plain.getPort()).isEqualTo(6379);
		assertThat(plain.getDatabase()).isZero();
		assertThat(plain.isSsl()).isFalse();
		assertThat(plain.getTimeout()).isEqualTo(Duration.ofMillis(200));

		RedisURI tls = RedisConfiguration.uri(" rediss://:s3cret@cache.example.com:6380/2 ");
		assertThat(tls.isSsl()).isTrue();
		assertThat(tls.getHost()).isEqualTo("cache.example.com");
		assertThat(tls.getDatabase()).isEqualTo(2);
		assertThat(new String(tls.getCredentialsProvider().resolveCredentials().block().getPassword())).isEqualTo("s3cret");

		RedisURI user = RedisConfiguration.uri("redis://loupe:s3cret@cache:6379");
		assertThat(user.getCredentialsProvider().resolveCredentials().block().getUsername()).isEqualTo("loupe");
		assertThat(user.getPort()).isEqualTo(6379);
	}

	@Test
	void aWrongUrlStopsStartUpNamingRedisUrlWithoutThePassword() {
		for (String wrong : new String[] { "http://:s3cret@cache:6379", "cache:6379", "redis://:s3cret@" }) {
			assertThatThrownBy(() -> RedisConfiguration.uri(wrong)).as(wrong)
				.isInstanceOfSatisfying(StartupException.class, e -> {
					assertThat(e.setting()).isEqualTo("REDIS_URL");
					assertThat(e.getMessage()).startsWith("REDIS_URL '").doesNotContain("s3cret");
				});
		}
	}
}
