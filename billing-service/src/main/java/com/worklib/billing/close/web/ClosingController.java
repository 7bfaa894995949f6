package com.worklib.billing.close.web;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.domain.NotFoundException;
import com.worklib.billing.close.ClosingService;
import com.worklib.platform.security.CurrentUser;

/** Ops starts a closing and follows its progress. */
@RestController
@RequestMapping("${worklib.api.base-path}/closings")
class ClosingController {

	private final ClosingService closings;

	ClosingController(ClosingService closings) {
		this.closings = closings;
	}

	@PostMapping
	ResponseEntity<ClosingStarted> start(@RequestBody ClosingRequest request) {
		CurrentUser user = requireOps();
		YearMonth month = StatementController.month(String.valueOf(request.month()));
		UUID closingId = this.closings.request(month, ClosingService.Trigger.OPS, user.userId()).orElseThrow();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ClosingStarted(closingId));
	}

	@GetMapping("/{closingId}")
	ClosingProgress progress(@PathVariable UUID closingId) {
		requireOps();
		return this.closings.progress(closingId)
			.map(ClosingProgress::of)
			.orElseThrow(() -> new NotFoundException("Closing " + closingId));
	}

	private static CurrentUser requireOps() {
		return CurrentUser.requireOps("Only Worklib operations close months");
	}

	record ClosingRequest(String month) {
	}

	record ClosingStarted(UUID closingId) {
	}

	record ClosingProgress(UUID closingId, String month, long partners, long invoicesIssued, List<Skipped> skipped,
			String status) {

		static ClosingProgress of(ClosingService.Progress p) {
			return new ClosingProgress(p.closingId(), p.month(), p.partners(), p.invoicesIssued(),
					p.skipped().stream().map(s -> new Skipped(s.partnerId(), s.reason())).toList(), p.status().name());
		}

	}

	record Skipped(UUID partnerId, String reason) {
	}

}
