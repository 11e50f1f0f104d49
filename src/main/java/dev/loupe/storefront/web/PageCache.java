package dev.loupe.storefront.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loupe.catalog.ProductsChanged;
import dev.loupe.inventory.StockChanged;
import dev.loupe.pricing.PricesChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered catalogue pages of anonymous shoppers (ADR 017), plain and gzip-compressed, with a strong ETag. Bounded by
 * weight (bytes of both bodies and the key, plus a fixed overhead per entry, so also by count), expiring a fixed time
 * after they were rendered. Every committed product, category, collection, price or stocked-quantity change moves a
 * generation on and clears the cache before the writing request returns; an entry rendered under an older
 * generation is never served, even if it was stored after the clear.
 * <p>
 * Metrics: {@code loupe.storefront.page_cache} counts lookups by {@code result} (hit, miss, bypass);
 * {@code loupe.storefront.page_cache.size} and {@code .bytes} gauge what is held.
 */
@Component
class PageCache {

	/** What a page costs besides its bodies and key: the entry, its headers and the cache's bookkeeping. */
	static final int ENTRY_OVERHEAD = 1024;

	/** A rendered page: the headers that shape it, both bodies and their entity tags, and when it was rendered. */
	record Page(long generation, String contentType, String cacheControl, byte[] plain, byte[] gzip, String etag,
			String gzipEtag) {

		int weight(String key) {
			return key.length() * 2 + plain.length + gzip.length + ENTRY_OVERHEAD;
		}
	}

	private final Cache<String, Page> pages;
	/** Listing counts and facet counts by filter: every page, sort and visitor of a listing shares them. */
	private final Cache<Object, Object> counts;
	private final ConcurrentHashMap<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();
	private final Duration ttl;
	private final Counter hits;
	private final Counter misses;
	private final Counter bypasses;

	PageCache(MeterRegistry registry, @Value("${loupe.storefront.page-cache.max-bytes:33554432}") long maxBytes,
			@Value("${loupe.storefront.page-cache.ttl:60s}") Duration ttl) {
		this.ttl = ttl;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((String key, Page page) -> page.weight(key))
			.expireAfterWrite(ttl)
			.build();
		this.counts = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(ttl).build();
		this.hits = counter(registry, "hit");
		this.misses = counter(registry, "miss");
		this.bypasses = counter(registry, "bypass");
		Gauge.builder("loupe.storefront.page_cache.size", pages, c -> c.estimatedSize())
			.description("Rendered storefront pages held").register(registry);
		Gauge.builder("loupe.storefront.page_cache.bytes", pages,
				c -> c.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L))
			.description("Weight of the rendered storefront pages held (bodies, keys and overhead)").baseUnit("bytes")
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder("loupe.storefront.page_cache").description("Storefront page cache lookups by result")
			.tag("result", result).register(registry);
	}

	Duration ttl() {
		return ttl;
	}

	/** The generation a request that begins now reads under; pages rendered from it are stored with it. */
	long generation() {
		return generation.get();
	}

	/** The page for the key if one rendered under the current generation is held. */
	Page find(String key) {
		Page page = pages.getIfPresent(key);
		return page != null && page.generation() == generation.get() ? page : null;
	}

	/** Stores a page, unless a change committed since it began rendering (then it is already out of date). */
	void put(String key, Page page) {
		if (page.generation() == generation.get()) {
			pages.put(key, page);
			if (page.generation() != generation.get()) {
				pages.invalidate(key);
			}
		}
	}

	/**
	 * Joins the rendering of this key under this generation if another request is doing it (the future completes with
	 * its page, or null if the page was not cacheable); otherwise registers the caller as the one rendering it and
	 * returns null, and the caller must call {@link #rendered} when done.
	 */
	CompletableFuture<Page> join(String renderingKey, CompletableFuture<Page> mine) {
		return rendering.putIfAbsent(renderingKey, mine);
	}

	void rendered(String renderingKey, CompletableFuture<Page> mine, Page page) {
		rendering.remove(renderingKey, mine);
		mine.complete(page);
	}

	void hit() {
		hits.increment();
	}

	void miss() {
		misses.increment();
	}

	void bypass() {
		bypasses.increment();
	}

	long size() {
		pages.cleanUp();
		return pages.estimatedSize();
	}

	/** A page to store: compressed once here, so every hit is a copy of bytes. */
	Page page(long generation, String contentType, String cacheControl, byte[] plain) {
		byte[] gzip = gzip(plain);
		String tag = tag(plain);
		return new Page(generation, contentType, cacheControl, plain, gzip, "\"" + tag + "\"", "\"" + tag + "-gz\"");
	}

	static byte[] gzip(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
		try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
			{
				def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gz.write(plain);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static String tag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductsChanged event) {
		clear();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PricesChanged event) {
		clear();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(StockChanged event) {
		clear();
	}

	/**
	 * A count (listing total, facet counts) for a key that must name everything it depends on (a filter record),
	 * computed once per generation; concurrent requests for the same key wait for one computation.
	 */
	@SuppressWarnings("unchecked")
	<T> T counted(Object key, java.util.function.Supplier<T> compute) {
		return (T) counts.get(java.util.List.of(generation.get(), key), k -> compute.get());
	}

	/** Moves the generation on (no page or count computed before counts any more) and drops them all. */
	void clear() {
		generation.incrementAndGet();
		pages.invalidateAll();
		counts.invalidateAll();
	}
}
