package dev.loupe.file.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stored files are content, never code: an uploaded SVG or HTML file must not run script in the shop's origin, and
 * browsers must not guess another type than the one served.
 */
@Configuration(proxyBeanMethods = false)
class FileHeaders {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> storedFileHeaders() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
				response.setHeader("X-Content-Type-Options", "nosniff");
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns(LocalFileStore.URL_PREFIX + "*");
		return registration;
	}
}
