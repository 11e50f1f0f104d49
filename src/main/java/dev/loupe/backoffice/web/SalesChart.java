package dev.loupe.backoffice.web;

import dev.loupe.order.OrderReports;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Sales per day as an SVG bar chart, laid out on the server: bars, horizontal grid lines at round values and a few
 * date labels. Coordinates are in the SVG's own units (the template scales it to the page's width).
 */
public record SalesChart(int width, int height, List<Bar> bars, List<Tick> ticks, List<Label> labels, boolean empty) {

	static final int WIDTH = 760;
	static final int HEIGHT = 240;
	static final int LEFT = 64;
	static final int RIGHT = 8;
	static final int TOP = 12;
	static final int BOTTOM = 28;

	/** One day's bar and its tooltip. */
	public record Bar(double x, double y, double width, double height, String tooltip) {
	}

	/** A grid line and its amount. */
	public record Tick(double y, String label) {
	}

	/** A date under the axis. */
	public record Label(double x, String text) {
	}

	static SalesChart of(List<OrderReports.Day> days) {
		BigDecimal max = days.stream().map(d -> d.sales().amount()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		BigDecimal step = niceStep(max);
		BigDecimal top = step.multiply(BigDecimal.valueOf(4));
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = days.isEmpty() ? plotWidth : plotWidth / days.size();
		double barWidth = Math.max(1, slot * 0.7);
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		int every = Math.max(1, (int) Math.ceil(days.size() / 7.0));
		for (int i = 0; i < days.size(); i++) {
			OrderReports.Day day = days.get(i);
			double h = top.signum() == 0 ? 0
					: day.sales().amount().divide(top, 6, RoundingMode.HALF_UP).doubleValue() * plotHeight;
			double x = LEFT + i * slot + (slot - barWidth) / 2;
			bars.add(new Bar(round(x), round(TOP + plotHeight - h), round(barWidth), round(h),
					Format.day(day.day()) + ": " + Format.money(day.sales()) + " · " + day.orders()
							+ (day.orders() == 1 ? " order" : " orders")));
			if ((days.size() - 1 - i) % every == 0) {
				labels.add(new Label(round(LEFT + i * slot + slot / 2), Format.day(day.day())));
			}
		}
		List<Tick> ticks = new ArrayList<>();
		String currency = days.isEmpty() ? "USD" : days.getFirst().sales().currency().getCurrencyCode();
		for (int i = 0; i <= 4; i++) {
			BigDecimal value = step.multiply(BigDecimal.valueOf(i));
			ticks.add(new Tick(round(TOP + plotHeight - plotHeight * i / 4.0), short_(Money.of(value, currency))));
		}
		boolean empty = max.signum() == 0;
		return new SalesChart(WIDTH, HEIGHT, bars, ticks, labels, empty);
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - RIGHT;
	}

	public int baseline() {
		return HEIGHT - BOTTOM;
	}

	/** A round step so that four steps cover the largest day: 1, 2, 2.5 or 5 times a power of ten. */
	static BigDecimal niceStep(BigDecimal max) {
		if (max.signum() <= 0) {
			return BigDecimal.valueOf(25);
		}
		double raw = max.doubleValue() / 4;
		double power = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (m * power >= raw) {
				return BigDecimal.valueOf(m * power).stripTrailingZeros();
			}
		}
		return BigDecimal.valueOf(10 * power);
	}

	private static String short_(Money money) {
		BigDecimal amount = money.amount();
		if (amount.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			String m = amount.divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP).stripTrailingZeros()
				.toPlainString();
			return Format.symbol(money.currency().getCurrencyCode()) + m + "M";
		}
		if (amount.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
			String k = amount.divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
			return Format.symbol(money.currency().getCurrencyCode()) + k + "k";
		}
		return Format.money(money).replace(".00", "");
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
