package com.worklib.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import com.worklib.platform.config.PlatformDefaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovableClockTest {

	@Test
	void runsOnFromThePointItWasSetTo() {
		MutableBase base = new MutableBase(Instant.parse("2026-11-27T10:00:00Z"));
		MovableClock clock = new MovableClock(base);
		clock.set(Instant.parse("2027-03-01T07:00:00Z"));
		base.now = base.now.plusSeconds(90);
		assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-01T07:01:30Z"));
		clock.reset();
		assertThat(clock.instant()).isEqualTo(base.now);
	}

	@Test
	void aServiceWithTheDevClockEnabledRefusesToStartInProd() {
		MockEnvironment environment = new MockEnvironment().withProperty("worklib.dev-clock.enabled", "true");
		environment.setActiveProfiles("prod");
		assertThatThrownBy(() -> new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("prod");
	}

	static final class MutableBase extends Clock {

		Instant now;

		MutableBase(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
