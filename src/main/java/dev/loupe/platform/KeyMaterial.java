package dev.loupe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Secrets Loupe needs (token signing, field encryption): from an environment variable when the operator sets one,
 * otherwise generated once and kept in the data directory, readable by the owner only. Never a constant in code.
 * Several instances must share them: set the variables there (docs/operations.md).
 */
@Component
public class KeyMaterial {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Environment environment;
	private final Path dataDir;

	KeyMaterial(Environment environment, LoupeProperties properties) {
		this.environment = environment;
		this.dataDir = properties.dataDir().toAbsolutePath().normalize();
	}

	/**
	 * The secret named {@code variable} (hex or base64, at least {@code bytes} bytes), or the one generated in the
	 * data directory under {@code fileName}.
	 */
	public byte[] secret(String variable, String fileName, int bytes) {
		String configured = environment.getProperty(variable, "").strip();
		if (!configured.isEmpty()) {
			byte[] key = decode(configured);
			if (key == null || key.length < bytes) {
				throw new StartupException(variable, variable + " must be at least " + bytes
						+ " random bytes in hex or base64 (generate one with: openssl rand -hex " + bytes + ")");
			}
			return key;
		}
		return HexFormat.of().parseHex(readOrCreate(dataDir.resolve(fileName), bytes));
	}

	/** The hex secret in a file, created with {@code bytes} random bytes (mode 600) when missing. */
	public static String readOrCreate(Path file, int bytes) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[bytes];
			RANDOM.nextBytes(random);
			String generated = HexFormat.of().formatHex(random);
			try {
				Files.writeString(file, generated, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE);
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				return generated;
			}
			catch (FileAlreadyExistsException raced) {
				return Files.readString(file).strip();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Reading or creating the secret " + file + " failed", e);
		}
	}

	private static byte[] decode(String value) {
		if (value.matches("(?i)[0-9a-f]+") && value.length() % 2 == 0) {
			return HexFormat.of().parseHex(value);
		}
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException e) {
			try {
				return Base64.getUrlDecoder().decode(value);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
	}
}
