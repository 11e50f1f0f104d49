package dev.loupe.platform.ops;

import dev.loupe.platform.AdjustableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application; tests fix or advance it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	AdjustableClock clock() {
		return new AdjustableClock();
	}
}
