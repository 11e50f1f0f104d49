package dev.loupe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fixture.badmodules.BadShop;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/** The module check that guards Loupe really fails when a module uses another module's internals. */
class BadModuleFixtureTests {

	@Test
	void verificationFailsWhenAModuleReachesIntoAnotherModulesInternals() {
		ApplicationModules modules = ApplicationModules.of(BadShop.class, location -> true);

		assertThatThrownBy(modules::verify)
			.isInstanceOf(Violations.class)
			.hasMessageContaining("fixture.badmodules.billing.Invoices")
			.hasMessageContaining("fixture.badmodules.shipping.internal.LabelPrinter");
	}
}
