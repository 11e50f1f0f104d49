package dev.loupe.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.loupe.platform.LoupeException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VariantMatrixTests {

	private static ProductDraft.Option option(String title, String... values) {
		return new ProductDraft.Option(title, List.of(values));
	}

	@Test
	void twoColoursAndThreeSizesMakeSixVariantsInTheGivenOrder() {
		VariantMatrix matrix = VariantMatrix.of(List.of(option("Colour", "Black", "Off white"), option("Size", "S", "M", "L")));
		assertThat(matrix.combinations()).extracting(VariantMatrix.Combination::title).containsExactly("Black / S",
				"Black / M", "Black / L", "Off white / S", "Off white / M", "Off white / L");
		assertThat(matrix.combinations().get(4).options()).isEqualTo(Map.of("Colour", "Off white", "Size", "M"));
		assertThat(matrix.combinations().get(4).sku("TEE")).isEqualTo("TEE-OFF-WHITE-M");
		assertThat(matrix.combinations().get(4).sku("")).isNull();
	}

	@Test
	void noOptionsIsOneVariantWithoutValues() {
		VariantMatrix matrix = VariantMatrix.of(List.of());
		assertThat(matrix.combinations()).singleElement().satisfies(c -> {
			assertThat(c.options()).isEmpty();
			assertThat(c.sku("TEE")).isEqualTo("TEE");
		});
	}

	@Test
	void moreThanAHundredVariantsAreRefused() {
		assertThat(VariantMatrix.of(List.of(option("A", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
				option("B", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))).combinations()).hasSize(100);
		assertThatThrownBy(() -> VariantMatrix.of(List.of(option("A", "1", "2", "3", "4", "5"),
				option("B", "1", "2", "3", "4", "5"), option("C", "1", "2", "3", "4", "5"))))
			.isInstanceOf(LoupeException.class).hasMessageContaining("more than 100 variants");
	}

	@Test
	void repeatsEmptyTitlesAndAFourthOptionAreRefused() {
		assertThatThrownBy(() -> VariantMatrix.of(List.of(option("Size", "S", "M", "s"))))
			.hasMessageContaining("repeats the value s");
		assertThatThrownBy(() -> VariantMatrix.of(List.of(option("Size", "S"), option("size ", "M"))))
			.hasMessageContaining("given twice");
		assertThatThrownBy(() -> VariantMatrix.of(List.of(option(" ", "S"))))
			.hasMessageContaining("Name every option");
		assertThatThrownBy(() -> VariantMatrix.of(List.of(option("Size"))))
			.hasMessageContaining("at least one value");
		assertThatThrownBy(() -> VariantMatrix.of(List.of(option("A", "1"), option("B", "1"), option("C", "1"),
				option("D", "1")))).hasMessageContaining("at most 3 options");
	}

	@Test
	void theMissingCombinationsAreThoseNoVariantHas() {
		VariantMatrix matrix = VariantMatrix.of(List.of(option("Colour", "Black", "White"), option("Size", "S", "M")));
		assertThat(matrix.missing(List.of(Map.of("Colour", "Black", "Size", "S"), Map.of("Colour", "White", "Size", "M"))))
			.extracting(VariantMatrix.Combination::title).containsExactly("Black / M", "White / S");
	}

	@Test
	void everyMatrixHasTheProductOfTheValueCountsAllDistinct() {
		qt().forAll(integers().between(1, 5), integers().between(1, 5), integers().between(1, 4)).checkAssert((a, b, c) -> {
			List<ProductDraft.Option> options = List.of(values("A", a), values("B", b), values("C", c));
			VariantMatrix matrix = VariantMatrix.of(options);
			assertThat(matrix.combinations()).hasSize(a * b * c);
			assertThat(new HashSet<>(matrix.combinations().stream().map(VariantMatrix.Combination::options).toList()))
				.hasSize(a * b * c);
			assertThat(new HashSet<>(matrix.combinations().stream().map(cb -> cb.sku("P")).toList())).hasSize(a * b * c);
		});
	}

	private static ProductDraft.Option values(String title, int count) {
		return new ProductDraft.Option(title, IntStream.rangeClosed(1, count).mapToObj(i -> title + i).toList());
	}
}
