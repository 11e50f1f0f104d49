package dev.loupe.backoffice.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The staff gate on every back office page but sign-in, and the back office's CSS and script under /app/assets. */
@Configuration(proxyBeanMethods = false)
class BackOfficeWebConfiguration implements WebMvcConfigurer {

	private final StaffInterceptor interceptor;

	BackOfficeWebConfiguration(StaffInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(interceptor)
			.addPathPatterns("/app", "/app/**")
			.excludePathPatterns("/app/login", "/app/invite", "/app/assets/**");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/app/assets/**")
			.addResourceLocations("classpath:/static/app/")
			.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
	}
}
