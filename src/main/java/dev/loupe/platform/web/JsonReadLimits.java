package dev.loupe.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;

/**
 * Bounds what Jackson accepts from a request body. No document of the APIs nests deeper than a dozen levels; the
 * default (500) would let {@code [[[[…} cost stack and time for nothing.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadLimits {

	static final int MAX_NESTING_DEPTH = 64;

	@Bean
	JsonFactoryBuilderCustomizer requestNestingDepthLimit() {
		return factory -> factory.streamReadConstraints(
				StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
	}
}
