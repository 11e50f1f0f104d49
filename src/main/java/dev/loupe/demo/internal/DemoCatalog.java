package dev.loupe.demo.internal;

import dev.loupe.catalog.CategoryDraft;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductDraft.Dimensions;
import dev.loupe.catalog.ProductDraft.Option;
import dev.loupe.catalog.ProductDraft.Variant;
import dev.loupe.catalog.ProductKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The merchandise of the demo store: presence sensors, digital downloads and optical goods. */
final class DemoCatalog {

	static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("White", "#f4f5f2"), Map.entry("Black", "#2b2f33"),
			Map.entry("Sage", "#9bb59a"), Map.entry("Tortoise", "#7a4a2a"), Map.entry("Crystal", "#c9dbe6"),
			Map.entry("Navy", "#23395d"), Map.entry("Gunmetal", "#53585f"), Map.entry("Rose", "#d88c9a"),
			Map.entry("Gold", "#c9a24a"), Map.entry("Silver", "#a9b0b7"), Map.entry("Blue", "#3b82c4"),
			Map.entry("Red", "#c8423b"), Map.entry("Olive", "#6b7445"), Map.entry("Sand", "#d6c3a1"));

	private DemoCatalog() {
	}

	static List<CategoryDraft> categories() {
		return List.of(new CategoryDraft("sensors", "Presence sensors", "mmWave radar sensors that see people, not just motion.", null, 0),
				new CategoryDraft("sensor-accessories", "Mounts & accessories", "Brackets and power for Loupe sensors.", "sensors", 0),
				new CategoryDraft("downloads", "Downloads", "Firmware, dashboards and printable parts, delivered instantly.", null, 1),
				new CategoryDraft("firmware", "Firmware & SDKs", "Tools for developers and tinkerers.", "downloads", 0),
				new CategoryDraft("dashboards", "Dashboards", "Ready-made dashboards for your smart home.", "downloads", 1),
				new CategoryDraft("printables", "3D printables", "STL files for mounts and enclosures.", "downloads", 2),
				new CategoryDraft("eyewear", "Eyewear", "Frames, prescription lenses and contact lenses.", null, 2),
				new CategoryDraft("frames", "Frames", "Optical frames in acetate and titanium.", "eyewear", 0),
				new CategoryDraft("lenses", "Lenses", "Prescription lenses made in our lab.", "eyewear", 1),
				new CategoryDraft("contact-lenses", "Contact lenses", "Daily and monthly contact lenses.", "eyewear", 2),
				new CategoryDraft("eyewear-accessories", "Eyewear accessories", "Cases, cloths and care.", "eyewear", 3));
	}

	static Map<String, String> collections() {
		Map<String, String> c = new LinkedHashMap<>();
		c.put("smart-home", "Smart home essentials");
		c.put("new-season-frames", "New season frames");
		c.put("maker-downloads", "Maker downloads");
		return c;
	}

	static List<DemoProduct> products() {
		List<DemoProduct> all = new ArrayList<>();
		all.add(sensor("loupe-presence-one", "Loupe Presence One", "Room presence, even when you sit still",
				"Presence One uses a 24 GHz mmWave radar to notice breathing-level movement, so lights stay on while you read and switch off when the room is really empty. It runs on USB-C, pairs over Zigbee or Wi-Fi and reports occupancy within 200 ms.",
				List.of("White", "Black", "Sage"), 49, 129, false, "32"));
		all.add(sensor("loupe-presence-pro", "Loupe Presence Pro", "Multi-zone tracking for open-plan spaces",
				"Presence Pro tracks up to five people in up to four configurable zones, with an ambient light sensor and a temperature probe on board. Ideal for living rooms, offices and meeting rooms where one zone is not enough.",
				List.of("White", "Black", "Sage"), 79, 209, false, "38"));
		all.add(sensor("loupe-presence-ceiling", "Loupe Presence Ceiling", "A 360° view from above",
				"The ceiling-mounted sensor covers a circle of up to eight metres across and hides in a 62 mm puck. PoE or USB-C powered, with a recessed bracket for plasterboard ceilings.",
				List.of("White", "Black"), 89, 239, true, "44"));
		all.add(sensor("loupe-presence-mini", "Loupe Presence Mini", "Small enough for hallways and bathrooms",
				"Mini is our smallest sensor: a coin-sized radar with a 120° field of view, made for corridors, bathrooms and stairs. Battery-free on any USB power supply.",
				List.of("White", "Black", "Sage"), 35, 95, false, "24"));
		all.add(sensor("loupe-presence-outdoor", "Loupe Presence Outdoor", "IP66 presence for porches and driveways",
				"An IP66 housing, a heated radome and a range of twelve metres make Outdoor the sensor for entrances and gardens. It tells people from pets and passing cars.",
				List.of("Black", "Sage"), 99, 269, false, "56"));
		all.add(product("sensor-mounting-kit", "Mounting kit", "Corner, wall and ceiling brackets", ProductKind.STANDARD,
				"A set of three magnetic brackets that fit every Loupe sensor: a corner wedge, a tilting wall arm and a flush ceiling plate, with screws and adhesive pads.",
				"Accessory", List.of("accessory", "mounting"), "smart-home", List.of("sensor-accessories"),
				new Option("Colour", List.of("White", "Black")),
				v -> ProductArt.accessory(COLOURS.get(v), false), 15, 60, "ABS", "CN", 120));
		all.add(download("presence-firmware-toolkit", "Presence Firmware Toolkit", "Flash, tune and debug your sensors",
				"A ZIP with the open firmware sources, a flashing tool for Windows, macOS and Linux, and a radar tuning guide with 40 annotated recordings.",
				List.of("firmware"), "#6d5bd0", "FIRMWARE", 19));
		all.add(download("home-assistant-dashboard-pack", "Home Assistant Dashboard Pack", "Twelve dashboards, ready to import",
				"Twelve Lovelace dashboards for presence, energy and climate, with card configurations, icons and a step-by-step import guide.",
				List.of("dashboards"), "#0f9d8a", "DASHBOARDS", 12));
		all.add(download("printable-mount-collection", "Printable Mount Collection", "STL files for 18 mounts and enclosures",
				"Eighteen tested STL and STEP files: desk stands, shelf clips, ceiling adapters and a weatherproof shroud, with print settings for PLA and PETG.",
				List.of("printables"), "#e07b39", "STL PACK", 9));
		all.add(download("occupancy-analytics-notebooks", "Occupancy Analytics Notebooks", "Turn presence data into insight",
				"Jupyter notebooks that chart room usage, find idle spaces and estimate heating savings from your sensors' history, with a sample dataset of a four-room flat.",
				List.of("firmware", "dashboards"), "#2f6fdb", "NOTEBOOKS", 24));
		all.add(frame("aster-round", "Aster Round", "Keyhole-bridge round frame in hand-polished acetate",
				"Aster is a softly rounded frame with a keyhole bridge and seven-barrel hinges, cut from Italian acetate and polished by hand.",
				List.of("Tortoise", "Black", "Crystal"), "round", List.of("50", "52"), 129, "IT"));
		all.add(frame("bexley-rectangle", "Bexley Rectangle", "A sharp rectangle for everyday wear",
				"Bexley pairs a classic rectangle with slim temples and adjustable nose pads. Lightweight, sturdy and easy to fit with progressive lenses.",
				List.of("Black", "Navy", "Gunmetal"), "rect", List.of("52", "54", "56"), 119, "JP"));
		all.add(frame("calla-cat-eye", "Calla Cat-Eye", "A lifted cat-eye with a bevelled front",
				"Calla's upswept brow and bevelled front catch the light without weighing on the nose. Cut from bio-based acetate.",
				List.of("Rose", "Tortoise", "Black"), "cat-eye", List.of("50", "52"), 139, "IT"));
		all.add(frame("dorian-titanium", "Dorian Titanium", "Featherweight round titanium",
				"At eleven grams, Dorian is our lightest frame: beta-titanium rims, hypoallergenic nose pads and sprung hinges.",
				List.of("Gold", "Silver", "Gunmetal"), "round", List.of("48", "50"), 189, "JP"));
		all.add(frame("elm-kids", "Elm Kids", "Flexible frames for children aged 6 to 10",
				"Elm bends without breaking, with rubber-tipped temples that stay put during playtime. Comes with a sports strap.",
				List.of("Blue", "Red"), "rect", List.of("44", "46"), 79, "DE"));
		all.add(frame("fenwick-browline", "Fenwick Browline", "A mid-century browline with metal rims",
				"Fenwick combines an acetate brow with a stainless-steel lower rim for a confident, mid-century look.",
				List.of("Black", "Tortoise", "Olive"), "rect", List.of("52", "54"), 149, "DE"));
		all.add(lens("single-vision-lenses", "Single Vision Lenses", "Clear vision at one distance",
				"Digitally surfaced single vision lenses with anti-reflective, scratch-resistant and water-repellent coatings, made to your prescription in our lab.",
				"#9cc9e8", new int[] { 49, 79, 119 }));
		all.add(lens("progressive-lenses", "Progressive Lenses", "Near, middle and far in one lens",
				"Freeform progressive lenses with a wide reading zone and soft transitions, calculated from your prescription, frame and fitting heights.",
				"#a6d3c9", new int[] { 149, 199, 259 }));
		all.add(lens("blue-light-lenses", "Blue Light Filter Lenses", "Less glare from screens",
				"Lenses with a blue-violet filter and a faint residual reflection, for long days at the screen, with or without a prescription.",
				"#b7c2f0", new int[] { 69, 99, 139 }));
		all.add(lens("photochromic-lenses", "Photochromic Lenses", "Clear indoors, tinted outdoors",
				"Lenses that darken in sunlight within 30 seconds and clear again indoors, with full UV400 protection.",
				"#8a8f99", new int[] { 119, 159, 209 }));
		all.add(contacts("daily-comfort-1-day", "Daily Comfort 1-Day", "Daily disposable lenses",
				"Hydrogel daily lenses with a moisture-binding agent, for clear and comfortable wear from morning to night.",
				"#3aa6a0", List.of("30 lenses", "90 lenses"), 29, 75));
		all.add(contacts("monthly-clear", "Monthly Clear", "Silicone hydrogel monthly lenses",
				"High-oxygen silicone hydrogel lenses for up to 30 days of daily wear, six lenses per box.",
				"#4a7bd0", List.of("6 lenses", "12 lenses"), 39, 72));
		all.add(contacts("toric-daily", "Toric Daily", "Daily lenses for astigmatism",
				"Stable, blink-aligned toric daily lenses for clear vision with astigmatism.",
				"#8e5bb5", List.of("30 lenses", "90 lenses"), 35, 89));
		all.add(product("hard-shell-case", "Hard-shell Glasses Case", "Crush-proof with a felt lining", ProductKind.STANDARD,
				"A crush-proof case with a soft felt lining and a magnetic clasp, sized for most optical frames.",
				"Accessory", List.of("accessory", "case"), null, List.of("eyewear-accessories"),
				new Option("Colour", List.of("Navy", "Sand", "Black")),
				v -> ProductArt.accessory(COLOURS.get(v), false), 18, 120, "Polycarbonate", "PT", 95));
		all.add(product("lens-cleaning-kit", "Lens Cleaning Kit", "Spray, cloth and pouch", ProductKind.STANDARD,
				"An alcohol-free 60 ml cleaning spray with a microfibre cloth in a zip pouch: safe for all coatings.",
				"Accessory", List.of("accessory", "care"), null, List.of("eyewear-accessories"),
				new Option("Size", List.of("60 ml", "120 ml")),
				v -> ProductArt.accessory("#5aa9b8", true), 12, 200, null, "DE", 140));
		all.add(product("contact-lens-solution", "Contact Lens Solution", "Multipurpose solution with case", ProductKind.STANDARD,
				"A multipurpose solution that cleans, rinses and disinfects soft contact lenses, with a lens case in every box.",
				"Care", List.of("care", "contact lenses"), null, List.of("eyewear-accessories", "contact-lenses"),
				new Option("Size", List.of("360 ml", "2 × 360 ml")),
				v -> ProductArt.accessory("#6cbf8c", true), 11, 150, null, "IE", 420));
		return all;
	}

	private static DemoProduct sensor(String handle, String title, String subtitle, String description,
			List<String> colours, int single, int pack, boolean ceiling, String diameter) {
		List<String> bundles = List.of("Single", "3-pack");
		List<Variant> variants = new ArrayList<>();
		List<BigDecimal> prices = new ArrayList<>();
		List<Integer> stock = new ArrayList<>();
		Map<String, String> art = new LinkedHashMap<>();
		String prefix = "LP-" + handle.replace("loupe-presence-", "").toUpperCase(Locale.ROOT);
		for (String colour : colours) {
			art.put(handle + "-" + slug(colour), ProductArt.sensor(COLOURS.get(colour), ceiling, 1));
			for (String bundle : bundles) {
				String sku = prefix + "-" + colour.substring(0, 3).toUpperCase(Locale.ROOT) + (bundle.equals("Single") ? "-1" : "-3");
				variants.add(new Variant(colour + " / " + bundle, sku, ean(sku), Map.of("Colour", colour, "Bundle", bundle),
						true, false, BigDecimal.valueOf(bundle.equals("Single") ? 85 : 270)));
				prices.add(BigDecimal.valueOf(bundle.equals("Single") ? single : pack));
				stock.add(sku.equals("LP-CEILING-BLA-3") ? 0 : 20 + Math.floorMod(sku.hashCode(), 140));
			}
		}
		art.put(handle + "-bundle", ProductArt.sensor(COLOURS.get(colours.getFirst()), ceiling, 3));
		ProductDraft draft = new ProductDraft(handle, title, subtitle, description, ProductKind.STANDARD, true,
				null, List.copyOf(art.keySet()), "Polycarbonate", "DK", BigDecimal.valueOf(85),
				new Dimensions(new BigDecimal(diameter), new BigDecimal(diameter), BigDecimal.valueOf(18)),
				"Presence sensor", List.of("mmwave", "zigbee", "matter", "presence"), "smart-home", List.of("sensors"),
				List.of(new Option("Colour", colours), new Option("Bundle", bundles)), variants, Map.of("radar", "24 GHz"));
		return new DemoProduct(draft, art, prices, stock, handle.equals("loupe-presence-mini"));
	}

	private static DemoProduct download(String handle, String title, String subtitle, String description,
			List<String> categories, String accent, String label, int price) {
		Map<String, String> art = Map.of(handle, ProductArt.archive(accent, label));
		Variant variant = new Variant("ZIP download", "DL-" + handle.toUpperCase(Locale.ROOT), null, Map.of(), false, false, null);
		ProductDraft draft = new ProductDraft(handle, title, subtitle, description, ProductKind.DIGITAL, true, null,
				List.of(handle), null, null, null, null, "Digital download", List.of("download", "zip"),
				"maker-downloads", categories, List.of(), List.of(variant), Map.of("format", "zip"));
		return new DemoProduct(draft, art, List.of(BigDecimal.valueOf(price)), List.of(0),
				handle.equals("home-assistant-dashboard-pack"));
	}

	private static DemoProduct frame(String handle, String title, String subtitle, String description,
			List<String> colours, String shape, List<String> sizes, int price, String origin) {
		List<Variant> variants = new ArrayList<>();
		Map<String, String> art = new LinkedHashMap<>();
		List<BigDecimal> prices = new ArrayList<>();
		List<Integer> stock = new ArrayList<>();
		for (String colour : colours) {
			art.put(handle + "-" + slug(colour), ProductArt.frame(COLOURS.get(colour), shape));
			for (String size : sizes) {
				String sku = "FR-" + handle.split("-")[0].toUpperCase(Locale.ROOT) + "-"
						+ colour.substring(0, 3).toUpperCase(Locale.ROOT) + "-" + size;
				variants.add(new Variant(colour + " / " + size + " mm", sku, ean(sku),
						Map.of("Colour", colour, "Size", size + " mm"), true, false, BigDecimal.valueOf(24)));
				prices.add(BigDecimal.valueOf(price));
				stock.add(2 + Math.floorMod(sku.hashCode(), 18));
			}
		}
		ProductDraft draft = new ProductDraft(handle, title, subtitle, description, ProductKind.OPTICAL_FRAME, true,
				null, List.copyOf(art.keySet()), handle.startsWith("dorian") ? "Titanium" : "Acetate", origin,
				BigDecimal.valueOf(24), null, "Optical frame", List.of("frames", shape), "new-season-frames",
				List.of("frames"), List.of(new Option("Colour", colours),
						new Option("Size", sizes.stream().map(s -> s + " mm").toList())),
				variants, Map.of("shape", shape, "bridge_mm", "19", "temple_mm", "145"));
		return new DemoProduct(draft, art, prices, stock, handle.equals("aster-round"));
	}

	private static DemoProduct lens(String handle, String title, String subtitle, String description, String tint,
			int[] prices) {
		List<String> indices = List.of("1.50", "1.60", "1.67");
		List<Variant> variants = new ArrayList<>();
		for (String index : indices) {
			String sku = "LN-" + handle.split("-")[0].toUpperCase(Locale.ROOT) + "-" + index.replace(".", "");
			variants.add(new Variant("Index " + index, sku, null, Map.of("Index", index), false, false, null));
		}
		ProductDraft draft = new ProductDraft(handle, title, subtitle, description, ProductKind.OPTICAL_LENS, true, null,
				List.of(handle), "Polymer", "DE", null, null, "Prescription lens", List.of("lenses", "prescription"), null,
				List.of("lenses"), List.of(new Option("Index", indices)), variants, Map.of("made_to_order", true));
		return new DemoProduct(draft, Map.of(handle, ProductArt.lens(tint)),
				java.util.Arrays.stream(prices).mapToObj(BigDecimal::valueOf).toList(), List.of(0, 0, 0), false);
	}

	private static DemoProduct contacts(String handle, String title, String subtitle, String description, String box,
			List<String> sizes, int small, int large) {
		List<Variant> variants = new ArrayList<>();
		for (String size : sizes) {
			String sku = "CL-" + handle.split("-")[0].toUpperCase(Locale.ROOT) + "-" + size.split(" ")[0];
			variants.add(new Variant(size, sku, ean(sku), Map.of("Box", size), true, false, BigDecimal.valueOf(60)));
		}
		ProductDraft draft = new ProductDraft(handle, title, subtitle, description, ProductKind.CONTACT_LENS, true, null,
				List.of(handle), "Hydrogel", "IE", BigDecimal.valueOf(60), null, "Contact lens",
				List.of("contact lenses", "prescription"), null, List.of("contact-lenses"),
				List.of(new Option("Box", sizes)), variants, Map.of("requires_prescription", true));
		return new DemoProduct(draft, Map.of(handle, ProductArt.contactLens(box)),
				List.of(BigDecimal.valueOf(small), BigDecimal.valueOf(large)), List.of(140, 60), false);
	}

	private static DemoProduct product(String handle, String title, String subtitle, ProductKind kind, String description,
			String type, List<String> tags, String collection, List<String> categories, Option option,
			Function<String, String> artOfValue, int price, int stock, String material, String origin, int weight) {
		List<Variant> variants = new ArrayList<>();
		Map<String, String> art = new LinkedHashMap<>();
		for (String value : option.values()) {
			String sku = "AC-" + handle.split("-")[0].toUpperCase(Locale.ROOT) + "-" + slug(value).toUpperCase(Locale.ROOT);
			variants.add(new Variant(value, sku, ean(sku), Map.of(option.title(), value), true, false, BigDecimal.valueOf(weight)));
			art.putIfAbsent(handle + "-" + slug(value), artOfValue.apply(value));
		}
		List<BigDecimal> prices = option.values().stream()
			.map(v -> BigDecimal.valueOf(option.values().indexOf(v) == 0 ? price : Math.round(price * 1.7))).toList();
		ProductDraft draft = new ProductDraft(handle, title, subtitle, description, kind, true, null,
				List.copyOf(art.keySet()), material, origin, BigDecimal.valueOf(weight), null, type, tags, collection,
				categories, List.of(option), variants, Map.of());
		return new DemoProduct(draft, art, prices, option.values().stream().map(v -> stock).toList(), false);
	}

	static String slug(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** A valid EAN-13 derived from the SKU (prefix 200: for in-store use). */
	static String ean(String sku) {
		String digits = "200" + String.format(Locale.ROOT, "%09d", Math.floorMod(sku.hashCode(), 1_000_000_000));
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return digits + (10 - sum % 10) % 10;
	}
}
