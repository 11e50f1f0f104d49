package dev.loupe.catalog;

import java.util.Locale;
import java.util.Optional;

/** The orders a product listing supports: {@code created_at}, {@code -created_at}, {@code title}, … */
public enum ProductOrder {
	CREATED_AT("p.created_at asc, p.id asc"), CREATED_AT_DESC("p.created_at desc, p.id desc"),
	UPDATED_AT("p.updated_at asc, p.id asc"), UPDATED_AT_DESC("p.updated_at desc, p.id desc"),
	TITLE("p.title asc, p.id asc"), TITLE_DESC("p.title desc, p.id desc"),
	HANDLE("p.handle asc, p.id asc"), HANDLE_DESC("p.handle desc, p.id desc");

	private final String sql;

	ProductOrder(String sql) {
		this.sql = sql;
	}

	public String sql() {
		return sql;
	}

	/** Parses Medusa's form: a field name, descending with a leading minus. */
	public static Optional<ProductOrder> parse(String text) {
		if (text == null || !text.matches("-?[a-z_]{1,32}")) {
			return Optional.empty();
		}
		boolean desc = text.startsWith("-");
		String name = (desc ? text.substring(1) : text).toUpperCase(Locale.ROOT) + (desc ? "_DESC" : "");
		try {
			return Optional.of(valueOf(name));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
