package dev.loupe.storefront.web;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The storefront's assets under {@code /assets}: its stylesheet and script, and htmx from its webjar, served with
 * content-hash fingerprinted URLs ({@code shop-<md5>.css}) and cached for a year, as a changed file gets a new URL.
 * Pages ask {@link Assets} for the fingerprinted URLs.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontWeb implements WebMvcConfigurer {

	static final String ASSETS = "/assets/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(ASSETS + "**")
			.addResourceLocations("classpath:/storefront/", "classpath:/META-INF/resources/webjars/htmx.org/2.0.10/dist/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	@Bean
	FilterRegistrationBean<OriginCheck> storefrontOriginCheck() {
		var registration = new FilterRegistrationBean<>(new OriginCheck());
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
		return registration;
	}

	/** Anonymous catalogue pages from the page cache (ADR 017), after the Origin check, before Spring MVC. */
	@Bean
	FilterRegistrationBean<PageCacheFilter> storefrontPageCache(PageCache cache, Visits visits) {
		var registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, visits));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
		return registration;
	}
}
