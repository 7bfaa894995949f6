package com.worklib.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.web.ApiException;

/**
 * The {@link Clock} every service injects. In the {@code dev} profile with
 * {@code worklib.dev-clock.enabled=true} it is a {@link MovableClock} behind
 * {@code /dev/clock}, which the gateway never routes; {@link DevClockGuard} refuses to
 * start such a service under {@code prod}.
 */
@AutoConfiguration
public class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	@ConditionalOnProperty(name = "worklib.dev-clock.enabled", havingValue = "false", matchIfMissing = true)
	Clock systemClock() {
		return Clock.systemUTC();
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("dev")
	@ConditionalOnProperty(name = "worklib.dev-clock.enabled", havingValue = "true")
	static class DevClockConfiguration {

		@Bean
		MovableClock movableClock() {
			return new MovableClock(Clock.systemUTC());
		}

		@Bean
		DevClockController devClockController(MovableClock clock) {
			return new DevClockController(clock);
		}

	}

	/** Dev-only: read, move and reset this service's clock. */
	@RestController
	@RequestMapping("/dev/clock")
	static class DevClockController {

		private final MovableClock clock;

		DevClockController(MovableClock clock) {
			this.clock = clock;
		}

		@GetMapping
		Map<String, Object> now() {
			return Map.of("now", this.clock.instant().toString(), "moved", this.clock.isMoved());
		}

		@PutMapping
		ResponseEntity<Map<String, Object>> set(@RequestBody Map<String, String> body) {
			String value = body.get("instant");
			if (value == null) {
				throw ApiException.unprocessable("dev-clock", "Body must be {\"instant\": \"<ISO-8601 instant>\"}");
			}
			try {
				this.clock.set(parse(value));
			}
			catch (DateTimeParseException ex) {
				throw ApiException.unprocessable("dev-clock", "'" + value + "' is not an ISO-8601 instant");
			}
			return ResponseEntity.ok(now());
		}

		@DeleteMapping
		ResponseEntity<Map<String, Object>> reset() {
			this.clock.reset();
			return ResponseEntity.ok(now());
		}

		private static Instant parse(String value) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				return Instant.parse(value);
			}
		}

	}

}
