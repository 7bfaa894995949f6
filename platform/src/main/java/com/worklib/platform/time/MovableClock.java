package com.worklib.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at real speed from a point a person sets: {@code set(t)} makes
 * {@code instant()} return {@code t} now and {@code t + elapsed} later. Dev profile only.
 */
public class MovableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	public MovableClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO));
	}

	private MovableClock(Clock base, AtomicReference<Duration> offset) {
		this.base = base;
		this.offset = offset;
	}

	public void set(Instant instant) {
		this.offset.set(Duration.between(this.base.instant(), instant));
	}

	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	public boolean isMoved() {
		return !this.offset.get().isZero();
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.base.withZone(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

}
