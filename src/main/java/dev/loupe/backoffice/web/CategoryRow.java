package dev.loupe.backoffice.web;

import dev.loupe.catalog.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A category in the back office's tree: its depth (for indentation), direct products and subcategories. */
public record CategoryRow(Category category, int depth, long products, int children) {

	/** The categories in tree order (parents before their children, siblings by rank then name). */
	static List<CategoryRow> tree(List<Category> categories, Map<String, Long> counts) {
		Map<String, List<Category>> byParent = new LinkedHashMap<>();
		for (Category c : categories) {
			byParent.computeIfAbsent(c.parentCategoryId() == null ? "" : c.parentCategoryId(), k -> new ArrayList<>()).add(c);
		}
		Comparator<Category> order = Comparator.comparingInt(Category::rank).thenComparing(Category::name,
				String.CASE_INSENSITIVE_ORDER);
		byParent.values().forEach(list -> list.sort(order));
		List<CategoryRow> rows = new ArrayList<>();
		add(rows, byParent, "", 0, counts);
		return rows;
	}

	private static void add(List<CategoryRow> rows, Map<String, List<Category>> byParent, String parent, int depth,
			Map<String, Long> counts) {
		for (Category c : byParent.getOrDefault(parent, List.of())) {
			rows.add(new CategoryRow(c, depth, counts.getOrDefault(c.id(), 0L), byParent.getOrDefault(c.id(), List.of()).size()));
			if (depth < 20) {
				add(rows, byParent, c.id(), depth + 1, counts);
			}
		}
	}

	/** The indented name for a select: two spaces per level. */
	public String indentedName() {
		return "\u00a0\u00a0".repeat(depth) + (depth > 0 ? "└ " : "") + category.name();
	}
}
