package dev.loupe.identity;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret API keys ({@code sk_} + 64 hex digits) that integrations use on the Admin API. Tokens are shown once at
 * creation and stored as SHA-256 digests; a revoked key stops working at once.
 */
@Service
public class SecretApiKeys {

	private static final Pattern TOKEN = Pattern.compile("sk_[0-9a-f]{64}");
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;

	SecretApiKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates a key with every permission; the returned token is not stored anywhere and cannot be shown again. */
	@Transactional
	public IssuedSecretApiKey create(String title, String createdBy) {
		return create(title, createdBy, java.util.EnumSet.allOf(Permission.class));
	}

	/** Creates a key limited to these permissions (at least one). */
	@Transactional
	public IssuedSecretApiKey create(String title, String createdBy, java.util.Set<Permission> scopes) {
		if (scopes == null || scopes.isEmpty()) {
			throw LoupeException.invalidData("scopes must name at least one permission");
		}
		String cleanTitle = title == null ? "" : title.strip();
		if (cleanTitle.isEmpty() || cleanTitle.length() > 200 || cleanTitle.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("title must be 1 to 200 characters");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "sk_" + HexFormat.of().formatHex(secret);
		String redacted = "sk_" + token.substring(3, 7) + "…" + token.substring(token.length() - 4);
		String id = Ids.next("apk");
		Instant now = clock.instant();
		jdbc.sql("""
				insert into identity.secret_api_key (id, title, token_hash, redacted, created_by, created_at, updated_at, scopes)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, cleanTitle, digest(token), redacted, createdBy, Timestamp.from(now), Timestamp.from(now),
					scopes.stream().map(Permission::name).sorted().toArray(String[]::new))
			.update();
		return new IssuedSecretApiKey(new SecretApiKey(id, cleanTitle, redacted, createdBy, now, null, null,
				java.util.Set.copyOf(scopes)), token);
	}

	/**
	 * Registers a token chosen elsewhere (a deployment's secret); registering it again changes nothing, and a token
	 * that was revoked stays revoked.
	 */
	@Transactional
	public SecretApiKey register(String token, String title, String createdBy) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			throw LoupeException.invalidData("A secret API key is sk_ followed by 64 lowercase hex digits");
		}
		Instant now = clock.instant();
		String redacted = "sk_" + token.substring(3, 7) + "…" + token.substring(token.length() - 4);
		jdbc.sql("""
				insert into identity.secret_api_key (id, title, token_hash, redacted, created_by, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (token_hash) do nothing""")
			.params(Ids.next("apk"), title, digest(token), redacted, createdBy, Timestamp.from(now), Timestamp.from(now))
			.update();
		return jdbc.sql("select * from identity.secret_api_key where token_hash = ?")
			.param(digest(token))
			.query(SecretApiKeys::map)
			.single();
	}

	/** The live key a token belongs to, or empty for a malformed, unknown or revoked token. */
	@Transactional
	public Optional<SecretApiKey> authenticate(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Optional<SecretApiKey> key = jdbc.sql("select * from identity.secret_api_key where token_hash = ? and revoked_at is null")
			.param(digest(token))
			.query(SecretApiKeys::map)
			.optional();
		key.ifPresent(this::touch);
		return key;
	}

	/** Revokes a key; revoking twice is harmless. */
	@Transactional
	public SecretApiKey revoke(String id, String revokedBy) {
		Instant now = clock.instant();
		jdbc.sql("""
				update identity.secret_api_key set revoked_at = coalesce(revoked_at, ?), revoked_by = coalesce(revoked_by, ?),
				       updated_at = ? where id = ?""")
			.params(Timestamp.from(now), revokedBy, Timestamp.from(now), id)
			.update();
		return find(id).orElseThrow(() -> LoupeException.notFound("Secret API key", id));
	}

	public Optional<SecretApiKey> find(String id) {
		return jdbc.sql("select * from identity.secret_api_key where id = ?").param(id).query(SecretApiKeys::map).optional();
	}

	public List<SecretApiKey> list() {
		return jdbc.sql("select * from identity.secret_api_key order by created_at desc").query(SecretApiKeys::map).list();
	}

	/** Records use at a coarse resolution, so that a busy integration does not write on every request. */
	private void touch(SecretApiKey key) {
		Instant now = clock.instant();
		if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
			jdbc.sql("update identity.secret_api_key set last_used_at = ? where id = ?")
				.params(Timestamp.from(now), key.id())
				.update();
		}
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static SecretApiKey map(ResultSet rs, int row) throws SQLException {
		java.util.Set<Permission> scopes = java.util.EnumSet.noneOf(Permission.class);
		for (String scope : (String[]) rs.getArray("scopes").getArray()) {
			scopes.add(Permission.valueOf(scope));
		}
		return new SecretApiKey(rs.getString("id"), rs.getString("title"), rs.getString("redacted"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"), scopes);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
