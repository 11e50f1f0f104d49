package dev.loupe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.AdjustableClock;
import dev.loupe.platform.LoupeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecretApiKeysTests {

	@Autowired
	SecretApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aCreatedKeyAuthenticatesAndIsStoredOnlyAsADigest() {
		IssuedSecretApiKey issued = keys.create("ERP sync", "user_test");

		assertThat(issued.token()).matches("sk_[0-9a-f]{64}");
		assertThat(issued.key().redacted()).startsWith("sk_" + issued.token().substring(3, 7)).endsWith(issued.token().substring(63));
		assertThat(keys.authenticate(issued.token())).map(SecretApiKey::id).contains(issued.key().id());
		long rowsHoldingTheToken = jdbc.sql("select count(*) from identity.secret_api_key where position(? in "
				+ "encode(token_hash, 'escape') || title || redacted) > 0").param(issued.token()).query(Long.class).single();
		assertThat(rowsHoldingTheToken).isZero();
		assertThat(issued.toString()).doesNotContain(issued.token());
	}

	@Test
	void malformedUnknownAndRevokedTokensDoNotAuthenticate() {
		IssuedSecretApiKey issued = keys.create("Warehouse scanner", null);
		String token = issued.token();

		assertThat(keys.authenticate(null)).isEmpty();
		assertThat(keys.authenticate("")).isEmpty();
		assertThat(keys.authenticate(token.toUpperCase())).isEmpty();
		assertThat(keys.authenticate(token + "0")).isEmpty();
		assertThat(keys.authenticate(token.substring(0, 66) + "\0")).isEmpty();
		assertThat(keys.authenticate("sk_" + "0".repeat(64))).isEmpty();

		keys.revoke(issued.key().id(), "user_admin");
		keys.revoke(issued.key().id(), "user_other");

		assertThat(keys.authenticate(token)).isEmpty();
		assertThat(keys.find(issued.key().id())).hasValueSatisfying(k -> assertThat(k.isRevoked()).isTrue());
	}

	@Test
	void useIsRecordedAtMostOncePerMinute() {
		IssuedSecretApiKey issued = keys.create("Reporting", null);
		keys.authenticate(issued.token());
		var first = keys.find(issued.key().id()).orElseThrow().lastUsedAt();
		clock.advance(Duration.ofSeconds(20));
		keys.authenticate(issued.token());
		assertThat(keys.find(issued.key().id()).orElseThrow().lastUsedAt()).isEqualTo(first);
		clock.advance(Duration.ofMinutes(2));
		keys.authenticate(issued.token());
		assertThat(keys.find(issued.key().id()).orElseThrow().lastUsedAt()).isAfter(first);
	}

	@Test
	void aTokenFromConfigurationRegistersOnceAndARevocationSticks() {
		String token = "sk_" + java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(32));
		SecretApiKey first = keys.register(token, "LOUPE_ADMIN_API_KEY", "configuration");
		SecretApiKey again = keys.register(token, "LOUPE_ADMIN_API_KEY", "configuration");
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(keys.authenticate(token)).map(SecretApiKey::id).hasValue(first.id());
		keys.revoke(first.id(), "test");
		assertThat(keys.register(token, "LOUPE_ADMIN_API_KEY", "configuration").isRevoked()).isTrue();
		assertThat(keys.authenticate(token)).isEmpty();
		assertThatThrownBy(() -> keys.register("sk_short", "x", null)).isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> keys.register(token.toUpperCase(java.util.Locale.ROOT), "x", null))
			.isInstanceOf(LoupeException.class);
	}

	@Test
	void aKeyNeedsASensibleTitle() {
		assertThatThrownBy(() -> keys.create("  ", null)).isInstanceOf(LoupeException.class).hasMessageContaining("title");
		assertThatThrownBy(() -> keys.create("x".repeat(201), null)).isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> keys.create("a\0b", null)).isInstanceOf(LoupeException.class);
		assertThatThrownBy(() -> keys.revoke("apk_unknown", null)).isInstanceOf(LoupeException.class)
			.hasMessageContaining("apk_unknown");
	}
}
