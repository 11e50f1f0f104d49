package dev.loupe.storeapi.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loupe.catalog.ProductsChanged;
import dev.loupe.pricing.PricesChanged;
import java.nio.charset.StandardCharsets;
import dev.loupe.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
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
	private static final String RESPONSES = "loupe:resp:";
	private static final String COUNTS = "loupe:count:";

	private final Cache<String, byte[]> entries = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.weigher((String key, byte[] value) -> key.length() + value.length)
		.expireAfterWrite(TTL)
		.build();
	// Listing totals by filter: every page of a listing shares its count, which costs a scan of the matching rows.
	private final Cache<String, Long> counts = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TTL).build();
	private final AtomicLong generation = new AtomicLong();
	private final RedisResponseStore shared;

	ResponseCache(ObjectProvider<RedisResponseStore> shared) {
		this.shared = shared.getIfAvailable();
	}

	byte[] get(String key, Supplier<byte[]> compute) {
		if (shared == null) {
			return cached(entries, key, compute);
		}
		return cached(entries, RESPONSES, key, compute, Function.identity(), Function.identity());
	}

	/** The entry for a key if one is cached under the current generation; computes nothing. */
	Optional<byte[]> peek(String key) {
		if (shared == null) {
			return Optional.ofNullable(entries.getIfPresent(generation.get() + "|" + key));
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
		entries.invalidateAll();
		counts.invalidateAll();
	}
}
