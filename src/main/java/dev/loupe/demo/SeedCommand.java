package dev.loupe.demo;

/** {@code java -jar loupe.jar seed [--demo] [--products N]}: loads demo data or a synthetic catalogue, then exits. */
public final class SeedCommand {

	private SeedCommand() {
	}

	public static int run(String[] args) {
		return 0;
	}
}
