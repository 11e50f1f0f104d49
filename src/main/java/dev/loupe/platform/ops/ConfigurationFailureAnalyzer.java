package dev.loupe.platform.ops;

import dev.loupe.platform.StartupException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** Turns a configuration failure into one sentence naming the setting, instead of a stack trace. */
public final class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<StartupException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable root, StartupException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Change " + cause.setting() + " (see the configuration table in README.md) and start Loupe again.",
				null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
