package dev.loupe.storeapi;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The Redis of the shared-cache tests: {@code LOUPE_TEST_REDIS_URL} when set, else a real redis-server started once
 * per test JVM on a free loopback port (binaries bundled by embedded-redis) and stopped when the JVM exits.
 */
final class TestRedis {

	private static String url;

	private TestRedis() {
	}

	/** The URL of database 7 of the test Redis. */
	static synchronized String url() {
		if (url != null) {
			return url;
		}
		String configured = System.getenv("LOUPE_TEST_REDIS_URL");
		if (configured != null && !configured.isBlank()) {
			return url = configured;
		}
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
				.setting("save \"\"").setting("appendonly no").build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ignored) {
					// the JVM is exiting
				}
			}));
			return url = "redis://127.0.0.1:" + port + "/7";
		}
		catch (IOException e) {
			throw new IllegalStateException("Starting the test Redis failed; set LOUPE_TEST_REDIS_URL to a running one", e);
		}
	}
}
