package dev.loupe.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal and health data at rest (addresses, prescriptions) with AES-256-GCM. The key comes from
 * {@code LOUPE_ENCRYPTION_KEY} or is generated in the data directory ({@link KeyMaterial}). Each value gets a fresh
 * 96-bit nonce and is bound to a context (such as the row id), so a ciphertext copied to another row does not
 * decrypt. Stored form: {@code v1:} + base64(nonce + ciphertext + tag).
 */
@Component
public class FieldCipher {

	private static final String PREFIX = "v1:";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	FieldCipher(KeyMaterial keys) {
		this.key = new SecretKeySpec(java.util.Arrays.copyOf(keys.secret("LOUPE_ENCRYPTION_KEY", "encryption-key", 32), 32),
				"AES");
	}

	public String encrypt(String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed)
				.array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Encryption failed", e);
		}
	}

	/** The plaintext; a value that was tampered with, moved or encrypted with another key fails loudly. */
	public String decrypt(String stored, String context) {
		if (stored == null) {
			return null;
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Not an encrypted value of a known version");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("Decrypting a stored value failed (wrong LOUPE_ENCRYPTION_KEY or tampered data)", e);
		}
	}
}
