package dev.loupe.platform;

/** How the launcher ends when start-up fails: Spring Boot's failure analysis has already said why. */
public final class StartupFailure {

	private StartupFailure() {
	}

	/** Exits with status 1 without printing the exception again. */
	public static void exitQuietly(Throwable failure) {
		System.exit(1);
	}
}
