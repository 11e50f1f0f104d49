package dev.loupe.platform.ops;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing is off unless {@code LOUPE_TRACING_ENABLED=true}. Off means no tracer at all (Micrometer's no-op one), not
 * a tracer that builds spans nobody exports: that cost a tenth of the allocations of a cached Store API response.
 */
public final class TracingSwitch implements EnvironmentPostProcessor {

	static final List<String> TRACING_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("true".equalsIgnoreCase(environment.getProperty("LOUPE_TRACING_ENABLED", "false").strip())) {
			return;
		}
		Set<String> excluded = new LinkedHashSet<>();
		String existing = environment.getProperty("spring.autoconfigure.exclude", "");
		for (String name : existing.split(",")) {
			if (!name.isBlank()) {
				excluded.add(name.strip());
			}
		}
		excluded.addAll(TRACING_AUTO_CONFIGURATIONS);
		environment.getPropertySources().addFirst(new MapPropertySource("loupeTracingOff",
				Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
	}
}
