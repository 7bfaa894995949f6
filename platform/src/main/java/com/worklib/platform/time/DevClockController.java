package com.worklib.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.domain.RuleViolationException;

/** Dev-only: read, move and reset this service's clock. */
@RestController
@RequestMapping("/dev/clock")
class DevClockController {

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
			throw new RuleViolationException("dev-clock", "Body must be {\"instant\": \"<ISO-8601 instant>\"}");
		}
		try {
			this.clock.set(parse(value));
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolationException("dev-clock", "'" + value + "' is not an ISO-8601 instant");
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
