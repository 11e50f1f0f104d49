package dev.loupe;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of ARCHITECTURE.md holds: no module reaches into another's internals, and no cycles. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(Loupe.class);

	@Test
	void modulesRespectEachOthersBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		org.assertj.core.api.Assertions.assertThat(java.nio.file.Path.of("target/spring-modulith-docs/components.puml"))
			.exists();
	}
}
