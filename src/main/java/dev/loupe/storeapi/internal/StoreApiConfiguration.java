package dev.loupe.storeapi.internal;

import dev.loupe.market.Markets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class StoreApiConfiguration {

	@Bean
	FilterRegistrationBean<PublishableKeyFilter> publishableKeyFilter(Markets markets) {
		var registration = new FilterRegistrationBean<>(new PublishableKeyFilter(markets));
		registration.addUrlPatterns("/store/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
