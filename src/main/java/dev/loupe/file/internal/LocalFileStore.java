package dev.loupe.file.internal;

import dev.loupe.file.FileKeys;
import dev.loupe.file.FileStore;
import dev.loupe.file.StoredFile;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.LoupeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Files on local disk under {@code <LOUPE_DATA_DIR>/files}, written atomically, served at {@code /files/}. */
@Component
class LocalFileStore implements FileStore {

	static final String URL_PREFIX = "/files/";

	private final Path root;

	LocalFileStore(LoupeProperties properties) {
		this.root = properties.dataDir().toAbsolutePath().normalize().resolve("files");
	}

	Path root() {
		return root;
	}

	@Override
	public StoredFile put(String key, byte[] content, String contentType) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			Files.write(temp, content);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Storing " + key + " failed", e);
		}
		return new StoredFile(key, URL_PREFIX + key, content.length);
	}

	@Override
	public Optional<InputStream> open(String key) {
		Path file = resolve(key);
		try {
			return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Reading " + key + " failed", e);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Deleting " + key + " failed", e);
		}
	}

	private Path resolve(String key) {
		if (!FileKeys.isValid(key)) {
			throw LoupeException.invalidData("Invalid file key: " + key);
		}
		Path file = root.resolve(key).normalize();
		if (!file.startsWith(root)) {
			throw LoupeException.invalidData("Invalid file key: " + key);
		}
		return file;
	}
}
