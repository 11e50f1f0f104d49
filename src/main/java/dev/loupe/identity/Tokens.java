package dev.loupe.identity;

import dev.loupe.platform.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens: JWTs signed with HMAC-SHA256 under a key from {@code LOUPE_JWT_SECRET} or generated in the data
 * directory, with Medusa's claims ({@code actor_id}, {@code actor_type}, {@code auth_identity_id},
 * {@code app_metadata}). Verification accepts exactly one header ({@code alg} HS256), so {@code alg:none}, RS/HS
 * confusion and foreign keys fail; the signature is compared in constant time; expired or not-yet-valid tokens fail.
 */
@Service
public class Tokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};
	private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
	private static final String HEADER = ENCODE.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
		.getBytes(StandardCharsets.US_ASCII));
	private static final int MAX_TOKEN = 4096;

	private final SecretKeySpec key;
	private final Clock clock;
	private final Duration ttl;

	Tokens(KeyMaterial keys, Clock clock, @Value("${loupe.token-ttl:1h}") Duration ttl) {
		this.key = new SecretKeySpec(keys.secret("LOUPE_JWT_SECRET", "jwt-secret", 32), "HmacSHA256");
		this.clock = clock;
		this.ttl = ttl;
	}

	/** A signed token for the principal, valid for the configured lifetime ({@code LOUPE_TOKEN_TTL}, 1 hour). */
	public String issue(Principal principal) {
		Instant now = clock.instant();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("actor_id", principal.registered() ? principal.actorId() : "");
		claims.put("actor_type", principal.actorType().code());
		claims.put("auth_identity_id", principal.authIdentityId());
		claims.put("email", principal.email());
		claims.put("app_metadata", principal.registered()
				? Map.of(principal.actorType().code() + "_id", principal.actorId()) : Map.of());
		if (principal.sessionId() != null) {
			claims.put("sid", principal.sessionId());
		}
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(ttl).getEpochSecond());
		String payload = ENCODE.encodeToString(JSON.writeValueAsBytes(claims));
		String signingInput = HEADER + "." + payload;
		return signingInput + "." + ENCODE.encodeToString(sign(signingInput));
	}

	/** The principal of a valid token; empty for anything malformed, forged, expired or of an unknown actor type. */
	public Optional<Principal> verify(String token) {
		if (token == null || token.length() > MAX_TOKEN) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || !parts[0].equals(HEADER)) {
			return Optional.empty();
		}
		byte[] signature;
		Map<String, Object> claims;
		try {
			signature = Base64.getUrlDecoder().decode(parts[2]);
			if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
				return Optional.empty();
			}
			claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), MAP);
		}
		catch (RuntimeException malformed) {
			return Optional.empty();
		}
		long now = clock.instant().getEpochSecond();
		if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now
				|| !(claims.get("iat") instanceof Number iat) || iat.longValue() > now + 60) {
			return Optional.empty();
		}
		Principal.ActorType type;
		try {
			type = Principal.ActorType.valueOf(String.valueOf(claims.get("actor_type")).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return Optional.empty();
		}
		String identity = claims.get("auth_identity_id") instanceof String s ? s : null;
		if (!(claims.get("actor_id") instanceof String actor) || (type == Principal.ActorType.CUSTOMER && identity == null)
				|| (type == Principal.ActorType.USER && !(claims.get("sid") instanceof String))) {
			return Optional.empty();
		}
		return Optional.of(new Principal(type, actor, identity, claims.get("email") instanceof String e ? e : null,
				claims.get("sid") instanceof String sid ? sid : null));
	}

	public Duration ttl() {
		return ttl;
	}

	private byte[] sign(String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
