package dev.loupe.file.internal;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves local files at {@code /files/**} with Spring's resource handling, which rejects traversal ({@code ..},
 * encoded or not) and answers conditional requests. Files are content-addressed by their key, cached for a day.
 */
@Configuration(proxyBeanMethods = false)
class FileServing implements WebMvcConfigurer {

	private final LocalFileStore store;

	FileServing(LocalFileStore store) {
		this.store = store;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		String location = store.root().toUri().toString();
		registry.addResourceHandler(LocalFileStore.URL_PREFIX + "**")
			.addResourceLocations(location.endsWith("/") ? location : location + "/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
	}
}
