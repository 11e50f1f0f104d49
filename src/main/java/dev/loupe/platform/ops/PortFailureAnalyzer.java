package dev.loupe.platform.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** Names the {@code PORT} setting when the HTTP port is taken. */
public final class PortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable root, PortInUseException cause) {
		return new FailureAnalysis(
				"PORT: port " + cause.getPort() + " is already in use by another process, so Loupe cannot listen on it.",
				"Stop the other process or start Loupe with PORT set to a free port.", null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
