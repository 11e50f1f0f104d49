package dev.loupe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock. It follows the system clock until a test fixes or advances it, so that sale windows,
 * token expiry and delayed jobs can be tested without sleeping.
 */
public final class AdjustableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();
	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		Instant at = fixed.get();
		return (at != null ? at : Instant.now()).plus(offset.get());
	}

	/** Stops the clock at {@code instant}. */
	public void fixAt(Instant instant) {
		offset.set(Duration.ZERO);
		fixed.set(instant);
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		offset.updateAndGet(d -> d.plus(duration));
	}

	/** Back to the system clock. */
	public void reset() {
		fixed.set(null);
		offset.set(Duration.ZERO);
	}
}
