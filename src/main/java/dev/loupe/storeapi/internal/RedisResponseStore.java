package dev.loupe.storeapi.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;

/**
 * The shared layer of the response cache when {@code REDIS_URL} is set. The catalogue generation lives in Redis, so a
 * commit on one instance moves it for all of them, and every lookup reads the generation and the entry under it in
 * one round trip: no instance serves an entry older than a commit that has returned. Redis is an optimisation, not a
 * dependency: when it does not answer (200 ms), callers compute the response themselves, and a warning is logged at
 * most once a minute.
 */
final class RedisResponseStore implements AutoCloseable {

	private static final String GENERATION_KEY = "loupe:catalog:generation";
	private static final Logger log = LoggerFactory.getLogger(RedisResponseStore.class);
	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
	private static final long RECONNECT_EVERY = Duration.ofSeconds(5).toNanos();
	private static final long WARN_EVERY = Duration.ofMinutes(1).toNanos();

	// A missing generation starts at Redis's clock in microseconds, not at 0: after Redis loses its data, the
	// generation must not come back to a value under which an instance still holds entries of its own.
	private static final String CURRENT_GENERATION = """
			local generation = redis.call('GET', KEYS[1])
			if not generation then
				local now = redis.call('TIME')
				generation = now[1] .. string.format('%06d', tonumber(now[2]))
				redis.call('SET', KEYS[1], generation)
			end
			""";
	/** KEYS[1] the generation, ARGV[1] the key space, ARGV[2] the key: {generation, entry under it or nil}. */
	private static final Script LOOKUP = new Script(CURRENT_GENERATION
			+ "return {generation, redis.call('GET', ARGV[1] .. generation .. '|' .. ARGV[2])}");
	/** KEYS[1] the generation: the new generation. */
	private static final Script ADVANCE = new Script(CURRENT_GENERATION + "return redis.call('INCR', KEYS[1])");

	private final RedisClient client;
	private final RedisURI uri;
	private final String server;
	private volatile StatefulRedisConnection<String, byte[]> connection;
	private volatile boolean closed;
	private final AtomicLong lastConnectAttempt;
	private final AtomicLong lastWarning;
	// Commits seen, and how many of them an INCR that succeeded after them covers. While some are not covered (Redis
	// did not answer the commit's INCR), lookups first move the generation on, or do not use the cache.
	private final AtomicLong commits = new AtomicLong();
	private final AtomicLong commitsPublished = new AtomicLong();

	/** Connects at once, so that the first requests find the cache; a Redis that does not answer is tried again later. */
	RedisResponseStore(RedisClient client, RedisURI uri) {
		this.client = client;
		this.uri = uri;
		this.server = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/"
				+ uri.getDatabase();
		long now = System.nanoTime();
		this.lastConnectAttempt = new AtomicLong(now);
		this.lastWarning = new AtomicLong(now - WARN_EVERY);
		try {
			connection = client.connect(CODEC, uri);
			log.info("Store API responses are cached in Redis at {}", server);
		}
		catch (RuntimeException e) {
			unavailable(e);
		}
	}

	/** What Redis holds for a key: the current generation, and the entry stored under it if there is one. */
	record Found(long generation, byte[] value) {
	}

	/**
	 * The current generation and the entry under it, read together; empty when Redis does not answer, and then the
	 * caller must not use any cached value.
	 */
	Optional<Found> find(String space, String key) {
		try {
			RedisCommands<String, byte[]> redis = commands();
			publishCommits(redis);
			List<Object> reply = run(redis, LOOKUP, ScriptOutputType.MULTI, bytes(space), bytes(key));
			long generation = Long.parseLong(new String((byte[]) reply.get(0), StandardCharsets.US_ASCII));
			return Optional.of(new Found(generation, (byte[]) reply.get(1)));
		}
		catch (RuntimeException e) {
			unavailable(e);
			return Optional.empty();
		}
	}

	/** Stores an entry under the generation its computation started from; it expires after {@code ttl}. */
	void put(String space, long generation, String key, byte[] value, Duration ttl) {
		try {
			commands().set(space + generation + "|" + key, value, SetArgs.Builder.px(ttl));
		}
		catch (RuntimeException e) {
			unavailable(e);
		}
	}

	/** A catalogue or price change has committed: moves the shared generation on before the writing request returns. */
	void committed() {
		commits.incrementAndGet();
		try {
			publishCommits(commands());
		}
		catch (RuntimeException e) {
			unavailable(e);
		}
	}

	Health health() {
		try {
			commands().ping();
			return Health.up().withDetail("server", server).build();
		}
		catch (RuntimeException e) {
			return Health.down().withDetail("server", server).withDetail("error", describe(e)).build();
		}
	}

	@Override
	public synchronized void close() {
		closed = true;
		StatefulRedisConnection<String, byte[]> open = connection;
		if (open != null) {
			open.close();
		}
	}

	private void publishCommits(RedisCommands<String, byte[]> redis) {
		long seen = commits.get();
		if (seen > commitsPublished.get()) {
			run(redis, ADVANCE, ScriptOutputType.INTEGER);
			commitsPublished.accumulateAndGet(seen, Math::max);
		}
	}

	private <T> T run(RedisCommands<String, byte[]> redis, Script script, ScriptOutputType type, byte[]... args) {
		String[] keys = { GENERATION_KEY };
		try {
			return redis.evalsha(script.sha(), type, keys, args);
		}
		catch (RedisNoScriptException e) {
			// First use on this Redis, or it restarted and forgot its scripts.
			redis.scriptLoad(script.source());
			return redis.evalsha(script.sha(), type, keys, args);
		}
	}

	/**
	 * The open connection; while there is none, a new one is tried in the background at most every 5 s, and callers
	 * go on without the cache instead of waiting for it. Once connected, Lettuce reconnects by itself and rejects
	 * commands while it is disconnected.
	 */
	private RedisCommands<String, byte[]> commands() {
		StatefulRedisConnection<String, byte[]> open = connection;
		if (open != null) {
			return open.sync();
		}
		long now = System.nanoTime();
		long last = lastConnectAttempt.get();
		if (!closed && now - last >= RECONNECT_EVERY && lastConnectAttempt.compareAndSet(last, now)) {
			client.connectAsync(CODEC, uri).whenComplete((connected, failure) -> {
				if (connected != null) {
					adopt(connected);
				}
			});
		}
		throw new RedisConnectionException("not connected to " + server);
	}

	private synchronized void adopt(StatefulRedisConnection<String, byte[]> connected) {
		if (closed || connection != null) {
			connected.closeAsync();
			return;
		}
		connection = connected;
		log.info("Redis at {} answers again; Store API responses are cached there", server);
	}

	private void unavailable(RuntimeException failure) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if (now - last >= WARN_EVERY && lastWarning.compareAndSet(last, now)) {
			log.warn("Redis at {} does not answer ({}); Store API responses are computed without the shared cache until "
					+ "it does (this warning repeats at most once a minute)", server, describe(failure));
		}
	}

	private static String describe(RuntimeException failure) {
		String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		return failure.getCause() == null ? message : message + " (" + failure.getCause().getMessage() + ")";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A Lua script and the SHA-1 digest that EVALSHA names it by. */
	private record Script(String source, String sha) {

		Script(String source) {
			this(source, sha1(source));
		}

		private static String sha1(String source) {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes(source)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
