package dev.loupe.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Which rates apply where, on the demo store's regions: a province's own rates replace its country's. */
@SpringBootTest
@ActiveProfiles("test")
class TaxRatesTests {

	@Autowired
	TaxRates rates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aProvincesOwnRatesReplaceTheCountrysAndUnknownPlacesHaveNone() {
		String us = jdbc.sql("select region_id from market.region_country where iso_2 = 'us'").query(String.class).single();
		String eu = jdbc.sql("select region_id from market.region_country where iso_2 = 'de'").query(String.class).single();
		if (rates.applicable(us, "us", "ny").stream().noneMatch(r -> r.code().equals("NY-TEST"))) {
			rates.addRate(us, "us", "ny", "New York sales tax", "NY-TEST", new BigDecimal("8.875"));
		}
		assertThat(rates.applicable(us, "US", "NY")).extracting(TaxRate::code).containsExactly("NY-TEST");
		assertThat(rates.applicable(us, "us", null)).extracting(TaxRate::ratePercent)
			.usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("7.25"));
		assertThat(rates.applicable(us, "us", "tx")).extracting(TaxRate::code).containsExactly("US-SALES");
		assertThat(rates.applicable(eu, "de", "by")).extracting(TaxRate::ratePercent)
			.usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("19"));
		assertThat(rates.applicable(us, "de", null)).isEmpty();
		assertThat(rates.applicable(us, null, null)).isEmpty();
	}
}
