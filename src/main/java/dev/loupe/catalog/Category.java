package dev.loupe.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A node of the category tree; {@code children} is null unless the tree was asked for. */
public record Category(String id, String name, String description, String handle, int rank, String parentCategoryId,
		String mpath, boolean active, boolean internal, Map<String, Object> metadata, Instant createdAt, Instant updatedAt,
		List<Category> children) {

	public Category withChildren(List<Category> tree) {
		return new Category(id, name, description, handle, rank, parentCategoryId, mpath, active, internal, metadata,
				createdAt, updatedAt,
				tree);
	}
}
