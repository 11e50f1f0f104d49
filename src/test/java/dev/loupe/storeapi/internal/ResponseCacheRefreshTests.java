package dev.loupe.storeapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Refresh-ahead of the in-process response cache: old entries are recomputed in the background, never resurrected. */
class ResponseCacheRefreshTests {

	@Test
	void anOldEntryIsServedWhileItIsRecomputedInTheBackground() throws Exception {
		ResponseCache cache = new ResponseCache(null, Duration.ofMillis(50));
		AtomicInteger computations = new AtomicInteger();
		AtomicReference<String> value = new AtomicReference<>("v1");
		java.util.function.Supplier<byte[]> compute = () -> {
			computations.incrementAndGet();
			return value.get().getBytes(StandardCharsets.UTF_8);
		};
		assertThat(text(cache.get("k", compute))).isEqualTo("v1");
		assertThat(text(cache.get("k", compute))).isEqualTo("v1");
		assertThat(computations).hasValue(1);

		Thread.sleep(80);
		value.set("v2");
		assertThat(text(cache.get("k", compute))).as("the old entry is served at once").isEqualTo("v1");
		for (int i = 0; i < 100 && !"v2".equals(cache.peek("k").map(ResponseCacheRefreshTests::text).orElse(null)); i++) {
			Thread.sleep(20);
		}
		assertThat(cache.peek("k").map(ResponseCacheRefreshTests::text)).hasValue("v2");
		assertThat(computations).hasValue(2);
		cache.stop();
	}

	@Test
	void aCommitDuringARefreshWinsOverTheRefreshedEntry() throws Exception {
		ResponseCache cache = new ResponseCache(null, Duration.ofMillis(50));
		CountDownLatch refreshing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger computations = new AtomicInteger();
		java.util.function.Supplier<byte[]> compute = () -> {
			if (computations.incrementAndGet() > 1) {
				refreshing.countDown();
				try {
					release.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			return ("computation " + computations.get()).getBytes(StandardCharsets.UTF_8);
		};
		cache.get("k", compute);
		Thread.sleep(80);
		cache.peek("k");
		assertThat(refreshing.await(5, TimeUnit.SECONDS)).isTrue();
		cache.clear();
		release.countDown();
		Thread.sleep(100);
		assertThat(cache.peek("k")).as("the refresh started before the commit must not come back").isEmpty();
		cache.stop();
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
