package com.worklib.stripe.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock, movable like the services' dev clocks ({@code ./worklib clock
 * set}), so webhooks it signs are "recent" for a service whose clock was moved.
 */
final class ShiftableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	ShiftableClock(Clock base) {
		this.base = base;
	}

	void set(Instant instant) {
		this.offset.set(Duration.between(this.base.instant(), instant));
	}

	void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

}
