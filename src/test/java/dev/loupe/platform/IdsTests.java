package dev.loupe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTests {

	@Test
	void idsCarryTheirPrefixAndA26CharacterUlid() {
		String id = Ids.next("prod");
		assertThat(id).matches("prod_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(Ids.isWellFormed(id)).isTrue();
		assertThat(Ids.hasPrefix(id, "prod")).isTrue();
		assertThat(Ids.hasPrefix(id, "variant")).isFalse();
	}

	@Test
	void idsSortByCreationTimeAcrossMilliseconds() {
		assertThat(Ids.ulid(1_700_000_000_000L).compareTo(Ids.ulid(1_700_000_000_001L))).isNegative();
		assertThat(Ids.ulid(1_000L).compareTo(Ids.ulid(1_700_000_000_000L))).isNegative();
		List<String> ids = new ArrayList<>();
		for (long t = 1_600_000_000_000L; t < 1_600_000_000_000L + 5_000; t += 37) {
			ids.add(Ids.ulid(t));
		}
		assertThat(ids).isSorted();
	}

	@Test
	void idsAreUnique() {
		var seen = new HashSet<String>();
		for (int i = 0; i < 50_000; i++) {
			assertThat(seen.add(Ids.next("cart"))).isTrue();
		}
	}

	@Test
	void malformedIdsAreRecognised() {
		String good = Ids.next("prod");
		assertThat(Ids.isWellFormed(null)).isFalse();
		assertThat(Ids.isWellFormed("")).isFalse();
		assertThat(Ids.isWellFormed(good + "\0")).isFalse();
		assertThat(Ids.isWellFormed(good.substring(0, 10) + "\0" + good.substring(11))).isFalse();
		assertThat(Ids.isWellFormed(good + "A")).isFalse();
		assertThat(Ids.isWellFormed(good.replace(good.charAt(10), 'U'))).isFalse();
		assertThat(Ids.isWellFormed("prod_" + "0".repeat(25) + "\u00c0")).isFalse();
		assertThat(Ids.isWellFormed("PROD_" + good.substring(5))).isFalse();
		assertThat(Ids.isWellFormed("x".repeat(40) + "_" + good.substring(5))).isFalse();
		assertThatThrownBy(() -> Ids.next("Bad Prefix")).isInstanceOf(IllegalArgumentException.class);
	}
}
