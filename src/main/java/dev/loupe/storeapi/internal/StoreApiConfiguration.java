package dev.loupe.storeapi.internal;

import dev.loupe.market.Markets;
import dev.loupe.platform.LoupeProperties;
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

	@Bean
	FilterRegistrationBean<CachedResponseFilter> cachedResponseFilter(ResponseCache cache, LoupeProperties properties) {
		var registration = new FilterRegistrationBean<>(new CachedResponseFilter(cache, properties));
		registration.addUrlPatterns("/store/products", "/store/products/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
		return registration;
	}
}
