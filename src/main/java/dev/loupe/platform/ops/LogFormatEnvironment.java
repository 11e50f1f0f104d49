package dev.loupe.platform.ops;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOUPE_LOG_FORMAT}: {@code json} (structured, one object a line, with {@code request_id}) or {@code text}.
 * Without it, an interactive terminal gets text and everything else (services, containers, CI) gets JSON.
 */
public final class LogFormatEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty("LOUPE_LOG_FORMAT",
				System.console() != null && System.console().isTerminal() ? "text" : "json");
		Map<String, Object> settings = switch (format.toLowerCase(Locale.ROOT)) {
			case "text" -> Map.of("logging.pattern.console",
					"%clr(%d{HH:mm:ss.SSS}){faint} %clr(%5p) %clr([%X{request_id:-}]){faint} %clr(%-40.40logger{39}){cyan} %m%n%wEx");
			default -> Map.of("logging.structured.format.console", "logstash");
		};
		environment.getPropertySources().addLast(new MapPropertySource("loupeLogFormat", settings));
	}
}
