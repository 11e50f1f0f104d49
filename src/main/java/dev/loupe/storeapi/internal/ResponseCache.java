package dev.loupe.storeapi.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loupe.catalog.ProductsChanged;
import dev.loupe.pricing.PricesChanged;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Serialized catalogue responses, keyed by everything that shapes them and by a generation that every committed
 * catalogue or price change moves on before the changing request returns, so no response older than the last
 * commit is served. Entries also expire after 30 s,
 * which bounds how late a sale that starts on a timer shows.
 */
@Component
class ResponseCache {

	private static final Duration TTL = Duration.ofSeconds(30);

	private final Cache<String, byte[]> entries = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.weigher((String key, byte[] value) -> key.length() + value.length)
		.expireAfterWrite(TTL)
		.build();
	// Listing totals by filter: every page of a listing shares its count, which costs a scan of the matching rows.
	private final Cache<String, Long> counts = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TTL).build();
	private final AtomicLong generation = new AtomicLong();

	byte[] get(String key, Supplier<byte[]> compute) {
		return cached(entries, key, compute);
	}

	long count(String filterKey, LongSupplier compute) {
		return cached(counts, filterKey, compute::getAsLong);
	}

	/**
	 * Entries are keyed by the generation current when the request began. A commit moves the generation before the
	 * writing request returns, so a later request never sees an entry computed from older data; concurrent misses on
	 * the same key wait for one computation instead of all hitting the database.
	 */
	private <V> V cached(Cache<String, V> cache, String key, Supplier<V> compute) {
		return cache.get(generation.get() + "|" + key, k -> compute.get());
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
		entries.invalidateAll();
		counts.invalidateAll();
	}
}
