package dev.loupe.storeapi.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loupe.catalog.ProductsChanged;
import dev.loupe.pricing.PricesChanged;
import java.nio.charset.StandardCharsets;
import dev.loupe.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Serialized catalogue responses, keyed by everything that shapes them and by a generation that every committed
 * catalogue or price change moves on before the changing request returns, so no response older than the last
 * commit is served. Entries also expire after 30 s,
 * which bounds how late a sale that starts on a timer shows.
 * <p>
 * With {@code REDIS_URL} set, the generation and the entries are shared through Redis ({@link RedisResponseStore}),
 * so this holds across instances; the in-process caches then key their entries by the shared generation that Redis
 * returned with the lookup. When Redis does not answer, responses are computed without any cache.
 */
@Component
class ResponseCache {

	private static final Duration TTL = Duration.ofSeconds(30);
	/** A used entry older than this is recomputed in the background while it keeps being served. */
	private static final Duration REFRESH_AFTER = Duration.ofSeconds(20);
	private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
	private static final String RESPONSES = "loupe:resp:";
	private static final String COUNTS = "loupe:count:";

	/**
	 * Without Redis: serialized responses with the computation that made them, so that a response in use is
	 * recomputed shortly before it expires, off the request path. Requests for a busy listing then never wait for
	 * its recomputation (a broad search on 100,000 products takes 0.7 s), yet nothing is older than 30 s.
	 */
	private final Cache<String, Entry> responses = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.weigher((String key, Entry value) -> key.length() + value.body().length)
		.expireAfterWrite(TTL)
		.build();
	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
	private final ExecutorService refresher = Executors.newFixedThreadPool(2,
			Thread.ofPlatform().daemon().name("response-refresh-", 0).factory());
	// With Redis: the in-process layer keyed by the shared generation.
	private final Cache<String, byte[]> entries = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.weigher((String key, byte[] value) -> key.length() + value.length)
		.expireAfterWrite(TTL)
		.build();
	// Listing totals by filter: every page of a listing shares its count, which costs a scan of the matching rows.
	private final Cache<String, Long> counts = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TTL).build();
	private final AtomicLong generation = new AtomicLong();
	private final RedisResponseStore shared;

	private final long refreshAfterNanos;

	@org.springframework.beans.factory.annotation.Autowired
	ResponseCache(ObjectProvider<RedisResponseStore> shared) {
		this(shared.getIfAvailable(), REFRESH_AFTER);
	}

	ResponseCache(RedisResponseStore shared, Duration refreshAfter) {
		this.shared = shared;
		this.refreshAfterNanos = refreshAfter.toNanos();
	}

	private record Entry(byte[] body, long madeAt, Supplier<byte[]> recompute) {
	}

	/**
	 * The response for a key, computed if needed. {@code compute} must not use the request: it may run again later,
	 * from another thread, to refresh the entry.
	 */
	byte[] get(String key, Supplier<byte[]> compute) {
		if (shared == null) {
			String current = generation.get() + "|" + key;
			Entry entry = responses.get(current, k -> new Entry(compute.get(), System.nanoTime(), compute));
			refreshIfOld(current, entry);
			return entry.body();
		}
		return cached(entries, RESPONSES, key, compute, Function.identity(), Function.identity());
	}

	/** The entry for a key if one is cached under the current generation; computes nothing. */
	Optional<byte[]> peek(String key) {
		if (shared == null) {
			String current = generation.get() + "|" + key;
			Entry entry = responses.getIfPresent(current);
			if (entry == null) {
				return Optional.empty();
			}
			refreshIfOld(current, entry);
			return Optional.of(entry.body());
		}
		return shared.find(RESPONSES, key).map(RedisResponseStore.Found::value);
	}

	/**
	 * The key of a catalogue response: where it is served from (its URLs are absolute), the path and query as sent,
	 * and the key's sales channels. The query is taken as sent, not parsed, so a hit costs no parameter parsing; the
	 * same parameters in another order only make another entry.
	 */
	static String key(HttpServletRequest http, String publicUrl, List<String> channels) {
		String query = http.getQueryString();
		StringBuilder key = new StringBuilder(160).append(PublicUrl.base(http, publicUrl)).append(http.getRequestURI())
			.append('?');
		if (query != null) {
			key.append(query);
		}
		key.append('|');
		for (int i = 0; i < channels.size(); i++) {
			key.append(i == 0 ? "" : ",").append(channels.get(i));
		}
		return key.toString();
	}

	long count(String filterKey, LongSupplier compute) {
		if (shared == null) {
			return cached(counts, filterKey, compute::getAsLong);
		}
		return cached(counts, COUNTS, filterKey, compute::getAsLong,
				count -> Long.toString(count).getBytes(StandardCharsets.US_ASCII),
				bytes -> Long.parseLong(new String(bytes, StandardCharsets.US_ASCII)));
	}

	/**
	 * Entries are keyed by the generation current when the request began. A commit moves the generation before the
	 * writing request returns, so a later request never sees an entry computed from older data; concurrent misses on
	 * the same key wait for one computation instead of all hitting the database.
	 */
	private <V> V cached(Cache<String, V> cache, String key, Supplier<V> compute) {
		return cache.get(generation.get() + "|" + key, k -> compute.get());
	}

	/**
	 * The same with the shared generation: one round trip to Redis reads it together with the entry under it. On a
	 * miss, concurrent requests on this instance wait for one computation, which is stored in Redis and here under the
	 * generation that was read; if Redis does not answer, the response is computed without the cache, since another
	 * instance may have committed a change that only Redis knows about.
	 */
	private <V> V cached(Cache<String, V> cache, String space, String key, Supplier<V> compute,
			Function<V, byte[]> encode, Function<byte[], V> decode) {
		Optional<RedisResponseStore.Found> found = shared.find(space, key);
		if (found.isEmpty()) {
			return compute.get();
		}
		long current = found.get().generation();
		if (found.get().value() != null) {
			return decode.apply(found.get().value());
		}
		return cache.get(current + "|" + key, k -> {
			V value = compute.get();
			shared.put(space, current, key, encode.apply(value), TTL);
			return value;
		});
	}

	/**
	 * Recomputes a used entry that is about to expire, once at a time per key. The new entry replaces the old one only
	 * if it is still there: a commit in between clears the cache, and its older computation must not come back.
	 */
	private void refreshIfOld(String key, Entry entry) {
		if (System.nanoTime() - entry.madeAt() < refreshAfterNanos || !refreshing.add(key)) {
			return;
		}
		try {
			refresher.execute(() -> {
				try {
					responses.asMap().replace(key, entry, new Entry(entry.recompute().get(), System.nanoTime(), entry.recompute()));
				}
				catch (RuntimeException e) {
					log.warn("Refreshing a cached response failed; it will be computed on its next request: {}", e.toString());
				}
				finally {
					refreshing.remove(key);
				}
			});
		}
		catch (RejectedExecutionException shuttingDown) {
			refreshing.remove(key);
		}
	}

	@PreDestroy
	void stop() {
		refresher.shutdownNow();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductsChanged event) {
		clear();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PricesChanged event) {
		clear();
	}

	void clear() {
		generation.incrementAndGet();
		if (shared != null) {
			shared.committed();
		}
		responses.invalidateAll();
		entries.invalidateAll();
		counts.invalidateAll();
	}
}
