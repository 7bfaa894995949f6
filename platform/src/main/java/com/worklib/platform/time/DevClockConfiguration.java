package com.worklib.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * In the {@code dev} profile with {@code worklib.dev-clock.enabled=true}, the clock is a
 * {@link MovableClock} behind {@code /dev/clock}, which the gateway never routes. Under
 * any other profile neither exists, and {@code PlatformDefaults} refuses to start a
 * {@code prod} service with the property set.
 */
@AutoConfiguration
@Profile("dev")
@ConditionalOnProperty(name = "worklib.dev-clock.enabled", havingValue = "true")
public class DevClockConfiguration {

	@Bean
	MovableClock movableClock() {
		return new MovableClock(Clock.systemUTC());
	}

	@Bean
	DevClockController devClockController(MovableClock clock) {
		return new DevClockController(clock);
	}

}
