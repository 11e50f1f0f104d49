package dev.loupe.adminapi.internal;

import dev.loupe.identity.SecretApiKeys;
import dev.loupe.identity.StaffLogins;
import dev.loupe.identity.Tokens;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AdminApiConfiguration {

	@Bean
	FilterRegistrationBean<AdminAuthFilter> adminAuthFilter(SecretApiKeys keys, Tokens tokens, StaffLogins staff) {
		var registration = new FilterRegistrationBean<>(new AdminAuthFilter(keys, tokens, staff));
		registration.addUrlPatterns("/admin/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
