package dev.loupe.platform;

/**
 * Start-up cannot go on because of the operator's configuration. The message is one sentence that names the
 * setting (environment variable) to change; it is printed instead of a stack trace.
 */
public class StartupException extends RuntimeException {

	private final String setting;

	public StartupException(String setting, String message) {
		this(setting, message, null);
	}

	public StartupException(String setting, String message, Throwable cause) {
		super(message, cause);
		this.setting = setting;
	}

	/** The environment variable or property the operator should look at. */
	public String setting() {
		return setting;
	}
}
