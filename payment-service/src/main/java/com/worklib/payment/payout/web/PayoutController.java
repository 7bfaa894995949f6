package com.worklib.payment.payout.web;

import java.time.Clock;
import java.time.LocalDate;
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

import com.worklib.platform.domain.RuleViolationException;
import com.worklib.platform.domain.NotFoundException;
import com.worklib.contracts.MoneyAmount;
import com.worklib.payment.payout.PaymentRuns;
import com.worklib.payment.payout.PayoutCalendar;
import com.worklib.payment.payout.PayoutRepository;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;
import com.worklib.platform.web.PageResponse;

/** A partner's payouts, and payment runs for ops. */
@RestController
@RequestMapping("${worklib.api.base-path}")
class PayoutController {

	private final PayoutRepository payouts;

	private final PaymentRuns runs;

	private final PartnerAccess access;

	private final Clock clock;

	PayoutController(PayoutRepository payouts, PaymentRuns runs, PartnerAccess access, Clock clock) {
		this.payouts = payouts;
		this.runs = runs;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/partners/{partnerId}/payouts")
	PageResponse<PayoutResponse> payouts(@PathVariable UUID partnerId) {
		this.access.requireRead(CurrentUser.get(), partnerId, "Partner " + partnerId, PartnerRole.OWNER,
				PartnerRole.FINANCE);
		return PageResponse.all(this.payouts.ofPartner(partnerId)
			.stream()
			.map(p -> new PayoutResponse(p.payoutId(), p.invoiceId(), p.invoiceNumber(), p.amount().toWire(),
					p.plannedDate(), p.status().name(), p.reason(), p.transferId()))
			.toList());
	}

	@PostMapping("/payment-runs")
	ResponseEntity<Map<String, UUID>> startRun(@RequestBody(required = false) RunRequest request) {
		CurrentUser user = requireOps();
		LocalDate today = LocalDate.now(this.clock.withZone(PayoutCalendar.PARIS));
		LocalDate date;
		try {
			date = request == null || request.date() == null ? today : LocalDate.parse(request.date());
		}
		catch (DateTimeParseException ex) {
			throw FieldValidationException.of("date", "must be a date as YYYY-MM-DD");
		}
		if (date.isAfter(today)) {
			throw new RuleViolationException("run-date-in-future",
					"A payment run cannot pay ahead: " + date + " is after today (" + today + ", Paris)");
		}
		UUID runId = this.runs.start(date, PaymentRuns.Trigger.OPS, user.userId()).orElseThrow();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", runId));
	}

	@GetMapping("/payment-runs/{runId}")
	RunResponse run(@PathVariable UUID runId) {
		requireOps();
		return this.runs.find(runId)
			.map(RunResponse::of)
			.orElseThrow(() -> new NotFoundException("Payment run " + runId));
	}

	private static CurrentUser requireOps() {
		return CurrentUser.requireOps("Only Worklib operations start payment runs");
	}

	record RunRequest(String date) {
	}

	record PayoutResponse(UUID payoutId, UUID invoiceId, String invoiceNumber, MoneyAmount amount,
			LocalDate plannedDate, String status, String reason, String transferId) {
	}

	record RunResponse(UUID runId, java.time.LocalDate date, String trigger, String status, int due, int transferred,
			int blocked, int failed, int retrying, java.time.Instant startedAt, java.time.Instant finishedAt) {

		static RunResponse of(PaymentRuns.Run r) {
			return new RunResponse(r.runId(), r.date(), r.trigger().name(), r.status().name(), r.due(), r.transferred(),
					r.blocked(), r.failed(), r.retrying(), r.startedAt(), r.finishedAt());
		}

	}

}
