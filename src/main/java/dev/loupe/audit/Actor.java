package dev.loupe.audit;

/** Who did something: a staff user, a secret API key of an integration, or Loupe itself. */
public record Actor(Type type, String id) {

	public enum Type {
		STAFF, API_KEY, SYSTEM;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public static Actor apiKey(String id) {
		return new Actor(Type.API_KEY, id);
	}

	public static Actor staff(String id) {
		return new Actor(Type.STAFF, id);
	}

	public static final Actor SYSTEM = new Actor(Type.SYSTEM, "loupe");
}
