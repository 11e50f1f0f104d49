package dev.loupe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedCommandTests {

	@Test
	void argumentsAreParsed() {
		assertThat(SeedCommand.Options.parse(new String[] { "seed" })).isEqualTo(new SeedCommand.Options(true, 0));
		assertThat(SeedCommand.Options.parse(new String[] { "seed", "--demo" })).isEqualTo(new SeedCommand.Options(true, 0));
		assertThat(SeedCommand.Options.parse(new String[] { "seed", "--products", "10_000" }))
			.isEqualTo(new SeedCommand.Options(false, 10_000));
		assertThat(SeedCommand.Options.parse(new String[] { "seed", "--demo", "--products=5" }))
			.isEqualTo(new SeedCommand.Options(true, 5));
		assertThat(SeedCommand.Options.parse(new String[] { "seed", "--products", "100", "--orders", "100_000" }))
			.isEqualTo(new SeedCommand.Options(false, 100, 100_000));
		assertThat(SeedCommand.Options.parse(new String[] { "seed", "--orders=7" }))
			.as("orders alone on an empty database: the demo store first").isEqualTo(new SeedCommand.Options(false, 0, 7));
	}

	@Test
	void badArgumentsAreRefusedWithTheReason() {
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--products", "abc" }))
			.hasMessageContaining("--products must be a whole number");
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--products", "0" }))
			.hasMessageContaining("from 1 to");
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--products", "2000000" }))
			.hasMessageContaining("from 1 to");
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--products" }))
			.hasMessageContaining("needs a number");
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--orders", "0" }))
			.hasMessageContaining("--orders must be a whole number from 1 to 10000000");
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--orders" }))
			.hasMessageContaining("--orders needs a number");
		assertThatThrownBy(() -> SeedCommand.Options.parse(new String[] { "seed", "--everything" }))
			.hasMessageContaining("unknown argument '--everything'");
		assertThat(SeedCommand.run(Object.class, new String[] { "seed", "--products", "-3" })).isEqualTo(2);
	}

	@Test
	void progressIsReportedEveryTenPercentWhenNotOnATerminal() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		var progress = new SeedCommand.Progress("Generating products", 1000, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		for (int done = 100; done <= 1000; done += 50) {
			progress.update(done);
		}
		progress.done();
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(output.lines().filter(l -> l.contains("%")).count()).isEqualTo(10);
		assertThat(output).contains("100%").contains("1,000/1,000").contains("Generating products: 1,000 done in");
	}
}
