package dev.loupe.identity;

/** A newly created key with its token: the only moment the token is available, so show it once and forget it. */
public record IssuedSecretApiKey(SecretApiKey key, String token) {

	@Override
	public String toString() {
		return "IssuedSecretApiKey[" + key.id() + ", " + key.redacted() + "]";
	}
}
