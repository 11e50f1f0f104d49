package dev.loupe.demo.internal;

import java.util.Locale;

/**
 * Clean vector illustrations of the demo merchandise, drawn per kind and colour, so that the demo store looks like a
 * shop and not like a wireframe. Every drawing is an 800×800 SVG on a soft backdrop.
 */
final class ProductArt {

	private ProductArt() {
	}

	static String sensor(String colour, boolean ceiling, int pieces) {
		String body = colour;
		String rim = shade(colour, -0.18);
		StringBuilder units = new StringBuilder();
		int[][] spots = pieces == 1 ? new int[][] { { 400, 420 } } : new int[][] { { 250, 470 }, { 550, 470 }, { 400, 330 } };
		double scale = pieces == 1 ? 1.0 : 0.62;
		for (int[] s : spots) {
			units.append("<g transform='translate(%d %d) scale(%.2f)'>".formatted(s[0], s[1], scale));
			units.append("<ellipse cx='0' cy='150' rx='190' ry='28' fill='#000' opacity='.10'/>");
			if (ceiling) {
				units.append("<rect x='-30' y='-250' width='60' height='110' rx='10' fill='%s'/>".formatted(rim));
			}
			units.append("<circle r='170' fill='%s'/>".formatted(rim));
			units.append("<circle r='158' fill='url(#body)'/>");
			units.append("<circle r='62' fill='#1d232b'/><circle r='40' fill='#2f3a46'/>");
			units.append("<circle cx='-14' cy='-16' r='12' fill='#fff' opacity='.55'/>");
			units.append("<circle cx='0' cy='112' r='7' fill='#4ade80'/>");
			units.append("</g>");
		}
		String waves = """
				<g fill='none' stroke='%s' stroke-width='10' stroke-linecap='round' opacity='.35'>
				<path d='M560 170 a120 120 0 0 1 0 150'/><path d='M600 130 a180 180 0 0 1 0 230'/>
				<path d='M640 90 a240 240 0 0 1 0 310'/></g>""".formatted(shade(colour, -0.45));
		return svg("#eef2f5", "#dde5ea", """
				<defs><radialGradient id='body' cx='.35' cy='.3' r='.9'><stop offset='0' stop-color='%s'/>
				<stop offset='1' stop-color='%s'/></radialGradient></defs>%s%s""".formatted(shade(body, 0.12), body,
				waves, units));
	}

	static String frame(String colour, String shape) {
		String lens = switch (shape) {
			case "round" -> "<circle cx='0' cy='0' r='118'/>";
			case "cat-eye" -> "<path d='M-135 -40 Q-60 -110 135 -80 Q150 60 40 100 Q-110 120 -135 -40Z'/>";
			default -> "<rect x='-135' y='-95' width='270' height='190' rx='52'/>";
		};
		String dark = shade(colour, -0.25);
		return svg("#f6f3ef", "#ebe5dc", """
				<ellipse cx='400' cy='560' rx='300' ry='26' fill='#000' opacity='.08'/>
				<path d='M120 380 L40 330' stroke='%2$s' stroke-width='16' stroke-linecap='round'/>
				<path d='M680 380 L760 330' stroke='%2$s' stroke-width='16' stroke-linecap='round'/>
				<g transform='translate(255 410)' fill='#dfe9f1' fill-opacity='.55' stroke='%1$s' stroke-width='22'>%3$s</g>
				<g transform='translate(545 410) scale(-1 1)' fill='#dfe9f1' fill-opacity='.55' stroke='%1$s' stroke-width='22'>%3$s</g>
				<path d='M372 385 Q400 350 428 385' fill='none' stroke='%1$s' stroke-width='20' stroke-linecap='round'/>
				<path d='M190 360 L250 340' stroke='#fff' stroke-width='10' stroke-linecap='round' opacity='.7'/>
				<path d='M480 360 L540 340' stroke='#fff' stroke-width='10' stroke-linecap='round' opacity='.7'/>"""
			.formatted(colour, dark, lens));
	}

	static String lens(String tint) {
		return svg("#eef4f8", "#dce8f0", """
				<defs><radialGradient id='glass' cx='.4' cy='.35' r='.75'><stop offset='0' stop-color='#ffffff'/>
				<stop offset='.7' stop-color='%s' stop-opacity='.55'/><stop offset='1' stop-color='%s' stop-opacity='.9'/></radialGradient></defs>
				<ellipse cx='400' cy='640' rx='220' ry='24' fill='#000' opacity='.08'/>
				<circle cx='400' cy='400' r='220' fill='url(#glass)' stroke='#b8c7d3' stroke-width='6'/>
				<path d='M270 300 A170 170 0 0 1 420 220' fill='none' stroke='#fff' stroke-width='18' stroke-linecap='round' opacity='.8'/>
				<circle cx='400' cy='400' r='120' fill='none' stroke='#fff' stroke-width='3' opacity='.5' stroke-dasharray='8 10'/>"""
			.formatted(tint, shade(tint, -0.3)));
	}

	static String contactLens(String box) {
		return svg("#f1f6f4", "#e0ebe6", """
				<ellipse cx='400' cy='610' rx='260' ry='24' fill='#000' opacity='.08'/>
				<rect x='170' y='300' width='460' height='300' rx='26' fill='%s'/>
				<rect x='170' y='300' width='460' height='70' rx='26' fill='%s'/>
				<rect x='210' y='420' width='220' height='18' rx='9' fill='#fff' opacity='.85'/>
				<rect x='210' y='455' width='150' height='14' rx='7' fill='#fff' opacity='.6'/>
				<path d='M470 250 Q560 150 650 250 Q560 225 470 250Z' fill='#cfe9f7' stroke='#8fb8cf' stroke-width='5'/>
				<path d='M505 232 Q540 200 580 205' fill='none' stroke='#fff' stroke-width='7' stroke-linecap='round'/>"""
			.formatted(box, shade(box, -0.2)));
	}

	static String archive(String accent, String label) {
		return svg("#f3f1f8", "#e4e0ef", """
				<ellipse cx='400' cy='650' rx='230' ry='24' fill='#000' opacity='.08'/>
				<path d='M210 170 H470 L590 290 V630 H210Z' fill='#ffffff' stroke='#cfc8e0' stroke-width='6'/>
				<path d='M470 170 V290 H590' fill='#ece8f5' stroke='#cfc8e0' stroke-width='6'/>
				<g fill='%1$s'><rect x='300' y='190' width='36' height='26'/><rect x='336' y='216' width='36' height='26'/>
				<rect x='300' y='242' width='36' height='26'/><rect x='336' y='268' width='36' height='26'/>
				<rect x='300' y='294' width='36' height='26'/><rect x='300' y='330' width='72' height='92' rx='8'/></g>
				<rect x='318' y='372' width='36' height='30' rx='5' fill='#fff'/>
				<rect x='230' y='480' width='340' height='90' rx='14' fill='%1$s'/>
				<text x='400' y='540' font-family='Helvetica,Arial,sans-serif' font-size='46' font-weight='700'
				 text-anchor='middle' fill='#fff'>%2$s</text>""".formatted(accent, escape(label)));
	}

	static String accessory(String colour, boolean cleaningKit) {
		if (cleaningKit) {
			return svg("#eef5f6", "#dcebed", """
					<ellipse cx='400' cy='630' rx='260' ry='24' fill='#000' opacity='.08'/>
					<rect x='430' y='420' width='230' height='200' rx='20' fill='%s' opacity='.85'/>
					<path d='M430 470 H660 M430 520 H660 M430 570 H660' stroke='#fff' stroke-width='4' opacity='.5'/>
					<rect x='210' y='300' width='170' height='320' rx='34' fill='#ffffff' stroke='#c2d3d8' stroke-width='6'/>
					<rect x='255' y='230' width='80' height='80' rx='12' fill='%s'/>
					<rect x='280' y='190' width='30' height='50' rx='6' fill='#9fb4bb'/>
					<rect x='235' y='400' width='120' height='120' rx='14' fill='%s' opacity='.3'/>"""
				.formatted(colour, shade(colour, -0.25), colour));
		}
		return svg("#f5f2ee", "#e9e3da", """
				<ellipse cx='400' cy='590' rx='280' ry='26' fill='#000' opacity='.08'/>
				<rect x='130' y='300' width='540' height='260' rx='130' fill='%s'/>
				<path d='M150 420 H650' stroke='%s' stroke-width='8'/>
				<rect x='170' y='330' width='160' height='30' rx='15' fill='#fff' opacity='.25'/>"""
			.formatted(colour, shade(colour, -0.3)));
	}

	/** A generic illustration for synthetic catalogue products. */
	static String generic(String colour, int seed) {
		return switch (Math.floorMod(seed, 3)) {
			case 0 -> sensor(colour, false, 1);
			case 1 -> frame(colour, "rect");
			default -> accessory(colour, false);
		};
	}

	private static String svg(String top, String bottom, String body) {
		return """
				<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 800 800' width='800' height='800'>
				<defs><linearGradient id='bg' x1='0' y1='0' x2='0' y2='1'><stop offset='0' stop-color='%s'/>
				<stop offset='1' stop-color='%s'/></linearGradient></defs>
				<rect width='800' height='800' fill='url(#bg)'/>%s</svg>
				""".formatted(top, bottom, body);
	}

	/** Lightens (positive) or darkens (negative) a #rrggbb colour. */
	static String shade(String hex, double amount) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		int[] c = { (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255 };
		for (int i = 0; i < 3; i++) {
			c[i] = (int) Math.round(amount >= 0 ? c[i] + (255 - c[i]) * amount : c[i] * (1 + amount));
		}
		return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
