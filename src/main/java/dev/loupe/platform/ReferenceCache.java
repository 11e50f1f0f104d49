package dev.loupe.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data that every cart or checkout request reads and staff change seldom (regions, tax rates, shipping
 * options, automatic promotions), kept in memory for a few seconds.
 * <p>
 * A change made through this instance calls {@link #changed()}, which forgets everything at once and again when the
 * change's transaction commits (a read between the two could otherwise cache the old rows for the whole time to
 * live). Another instance sees the change when its entries expire: {@code ttl} is how stale a reading may be there.
 */
public final class ReferenceCache<K, V> {

	private final Cache<K, V> cache;

	public ReferenceCache(Duration ttl, long maximumSize) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
	}

	/** The cached value of {@code key}, loaded (and kept) on a miss; {@code load} must not return null. */
	public V get(K key, Function<? super K, ? extends V> load) {
		return cache.get(key, load);
	}

	/** Forgets every entry now and once the current transaction, if any, commits. */
	public void changed() {
		cache.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					cache.invalidateAll();
				}
			});
		}
	}
}
