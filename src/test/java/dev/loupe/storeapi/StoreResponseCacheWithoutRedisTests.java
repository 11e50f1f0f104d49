package dev.loupe.storeapi;

import static dev.loupe.storeapi.StoreApiTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** Without {@code REDIS_URL} nothing of Redis exists: no client, no connection, no health contributor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreResponseCacheWithoutRedisTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void noRedisClientOrHealthContributorIsCreated() {
		assertThat(context.getBeanNamesForType(RedisClient.class)).isEmpty();
		assertThat(context.containsBean("redisResponseStore")).isFalse();
		assertThat(get(port, "/actuator/health/redis", null).status()).isEqualTo(404);
		assertThat(get(port, "/actuator/health/readiness", null).status()).isEqualTo(200);
	}
}
