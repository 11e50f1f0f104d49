package dev.loupe.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration stops Loupe with exit status 1 and one sentence naming the setting, not a stack trace. Each
 * case starts the real application in its own JVM, as an operator would.
 */
class StartupFailureTests {

	@TempDir
	Path temp;

	@Test
	void anUnreachableDatabaseUrlIsNamed() throws Exception {
		Result result = start(Map.of("DATABASE_URL", "postgres://shop:Hunter2pw@127.0.0.1:" + closedPort() + "/shop"));

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:");
		assertThat(result.output()).doesNotContain("Hunter2pw");
		assertNoStackTrace(result);
	}

	@Test
	void jsonLogsAreOneObjectPerLineEvenForTheFailureReport() throws Exception {
		Result result = start(Map.of("LOUPE_LOG_FORMAT", "json", "DATABASE_URL", "postgres://127.0.0.1:" + closedPort() + "/shop"));

		assertThat(result.exitCode()).isEqualTo(1);
		List<String> lines = result.output().lines().filter(l -> !l.isBlank()).toList();
		assertThat(lines).isNotEmpty();
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		for (String line : lines) {
			var node = json.readTree(line);
			assertThat(node.has("@timestamp") && node.has("level") && node.has("message")).as(line).isTrue();
		}
		assertThat(result.output()).contains("DATABASE_URL: cannot connect");
	}

	@Test
	void aWeakDemoAdminPasswordOrAMalformedAdminKeyIsNamed() throws Exception {
		Result weak = start(Map.of("LOUPE_DEMO_ADMIN_PASSWORD", "short", "LOUPE_DATA_DIR",
				reachableDataDir("weak-admin")));
		assertThat(weak.exitCode()).isEqualTo(1);
		assertThat(weak.output()).contains("LOUPE_DEMO_ADMIN_PASSWORD").contains("at least 10 characters");
		// This one fails after the database started and migrated, whose lines come first: only the trace is checked.
		assertThat(weak.output()).doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");

		Result key = start(Map.of("LOUPE_ADMIN_API_KEY", "sk_not-hex", "LOUPE_DATA_DIR", reachableDataDir("bad-key")));
		assertThat(key.exitCode()).isEqualTo(1);
		assertThat(key.output()).contains("LOUPE_ADMIN_API_KEY must be sk_ followed by 64 lowercase hex digits");
		assertThat(key.output()).doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
	}

	@Test
	void aMalformedDatabaseUrlIsNamed() throws Exception {
		Result result = start(Map.of("DATABASE_URL", "mysql://localhost/shop"));

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("DATABASE_URL");
		assertNoStackTrace(result);
	}

	@Test
	void aPortInUseIsNamed() throws Exception {
		// Under target/, not the private temp directory: when tests run as root, the database runs as nobody.
		Path data = Files.createTempDirectory(Path.of("target"), "port-test-");
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
			Result result = start(Map.of("PORT", String.valueOf(taken.getLocalPort()), "LOUPE_DATA_DIR",
					data.toString(), "LOUPE_DEMO", "false"));

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.output()).containsPattern("PORT.*" + taken.getLocalPort());
			assertNoStackTrace(result);
		}
	}

	@Test
	void aDataDirectoryThatCannotBeCreatedIsNamed() throws Exception {
		Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
		Result result = start(Map.of("LOUPE_DATA_DIR", file.resolve("data").toString()));

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("LOUPE_DATA_DIR").contains(file.resolve("data").toString());
		assertNoStackTrace(result);
	}

	/** A data directory under target/, which the embedded PostgreSQL (user nobody when tests run as root) can enter. */
	private static String reachableDataDir(String name) {
		return Path.of("target", "startup-failure-" + name + "-" + System.nanoTime()).toAbsolutePath().toString();
	}

	private static void assertNoStackTrace(Result result) {
		assertThat(result.output()).doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
		// Start-up INFO lines grow with every module; what must stay short is what the operator is told is wrong (the
		// failure analysis box is about 15 lines).
		assertThat(result.output().lines().filter(line -> !line.contains("INFO")).count()).isLessThan(25);
	}

	private Result start(Map<String, String> env) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "dev.loupe.Loupe"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("LOUPE_LOG_FORMAT", "text");
		builder.environment().put("PORT", "0");
		builder.environment().put("LOUPE_BANNER", "false");
		builder.environment().remove("DATABASE_URL");
		builder.environment().put("LOUPE_DATA_DIR", temp.resolve("default-data").toString());
		builder.environment().putAll(env);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Result(int exitCode, String output) {
	}
}
