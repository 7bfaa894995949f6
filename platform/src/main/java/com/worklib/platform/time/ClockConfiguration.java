package com.worklib.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Clock} every service injects: the system clock in UTC, unless
 * {@link DevClockConfiguration} provided a movable one.
 */
@AutoConfiguration(after = DevClockConfiguration.class)
public class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock systemClock() {
		return Clock.systemUTC();
	}

}
