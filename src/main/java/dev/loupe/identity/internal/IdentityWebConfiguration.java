package dev.loupe.identity.internal;

import dev.loupe.identity.Sessions;
import dev.loupe.identity.Tokens;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

	@Bean
	FilterRegistrationBean<PrincipalFilter> principalFilter(Tokens tokens, Sessions sessions) {
		var registration = new FilterRegistrationBean<>(new PrincipalFilter(tokens, sessions));
		registration.addUrlPatterns("/store/*", "/auth/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
		return registration;
	}
}
