package com.worklib.billing.closing.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.billing.closing.Closings;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.web.ApiException;
import com.worklib.platform.web.FieldValidationException;

/** Ops starts a closing and follows its progress. */
@RestController
@RequestMapping("${worklib.api.base-path}/closings")
class ClosingController {

	private final Closings closings;

	ClosingController(Closings closings) {
		this.closings = closings;
	}

	@PostMapping
	ResponseEntity<Map<String, UUID>> start(@RequestBody ClosingRequest request) {
		CurrentUser user = requireOps();
		YearMonth month;
		try {
			month = YearMonth.parse(String.valueOf(request.month()));
		}
		catch (DateTimeParseException ex) {
			throw FieldValidationException.of("month", "must be a month as YYYY-MM");
		}
		UUID closingId = this.closings.request(month, "OPS", user.userId()).orElseThrow();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("closingId", closingId));
	}

	@GetMapping("/{closingId}")
	Closings.Progress progress(@PathVariable UUID closingId) {
		requireOps();
		return this.closings.progress(closingId).orElseThrow(() -> ApiException.notFound("Closing " + closingId));
	}

	private static CurrentUser requireOps() {
		return CurrentUser.requireOps("Only Worklib operations close months");
	}

	record ClosingRequest(String month) {
	}

}
