package com.worklib.venue.workspace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.contracts.MoneyAmount;
import com.worklib.platform.domain.FieldError;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceBreakdown;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.web.PageResponse;
import com.worklib.platform.web.Problems;
import com.worklib.venue.workspace.WorkspaceService;

@RestController
@RequestMapping("/api/venues/v1")
class WorkspaceController {

	private final WorkspaceService workspaces;

	WorkspaceController(WorkspaceService workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping("/establishments/{establishmentId}/workspaces")
	PageResponse<WorkspaceResponse> ofEstablishment(@PathVariable UUID establishmentId) {
		List<WorkspaceResponse> items = this.workspaces
			.ofEstablishment(establishmentId, CurrentUser.optional().orElse(null))
			.stream()
			.map(WorkspaceResponse::of)
			.toList();
		return PageResponse.all(items);
	}

	@PostMapping("/establishments/{establishmentId}/workspaces")
	@ResponseStatus(HttpStatus.CREATED)
	WorkspaceResponse create(@PathVariable UUID establishmentId, @Valid @RequestBody WorkspaceRequest request) {
		CurrentUser user = CurrentUser.get();
		return WorkspaceResponse
			.of(this.workspaces.priced(this.workspaces.create(establishmentId, request.toDetails(), user), user));
	}

	@GetMapping("/workspaces/{workspaceId}")
	WorkspaceResponse get(@PathVariable UUID workspaceId) {
		return WorkspaceResponse.of(this.workspaces.get(workspaceId, CurrentUser.optional().orElse(null)));
	}

	/**
	 * One unit at a price being typed: what the partner receives and what the person who
	 * books pays, by the one pricing function. Any member of the partner (the fee rate is
	 * theirs to know), or ops.
	 */
	@GetMapping("/partners/{partnerId}/price-preview")
	PricePreviewResponse preview(@PathVariable UUID partnerId, @RequestParam(required = false) PriceUnit unit,
			@RequestParam(required = false) Long amountExclVat, @RequestParam(required = false) Integer vatRateBps) {
		List<FieldError> errors = new ArrayList<>();
		if (unit == null) {
			errors.add(new FieldError("unit", "must be one of HOUR, HALF_DAY, DAY"));
		}
		if (amountExclVat == null || amountExclVat <= 0) {
			errors.add(new FieldError("amountExclVat", "must be a positive amount in cents"));
		}
		if (vatRateBps == null || !VatRate.FRENCH_RATES.contains(vatRateBps)) {
			errors.add(new FieldError("vatRateBps", "must be one of 0, 210, 550, 1000, 2000 (basis points)"));
		}
		if (!errors.isEmpty()) {
			throw new FieldValidationException(errors);
		}
		PriceBreakdown price = this.workspaces.preview(partnerId, unit, Money.eur(amountExclVat),
				new VatRate(vatRateBps), CurrentUser.get());
		return PricePreviewResponse.of(price);
	}

	/**
	 * {@code platformFee} is excl. VAT; the customer pays partner price plus fee, plus
	 * VAT.
	 */
	record PricePreviewResponse(String unit, MoneyAmount partnerAmountExclVat, int vatRateBps, MoneyAmount vatAmount,
			MoneyAmount partnerAmountInclVat, MoneyAmount platformFee, MoneyAmount customerAmountInclVat) {

		static PricePreviewResponse of(PriceBreakdown price) {
			return new PricePreviewResponse(price.unit().name(), price.amountExclVat().toWire(), price.vatRate().bps(),
					price.vatAmount().toWire(), price.amountInclVat().toWire(), price.platformFee().toWire(),
					price.customerAmountInclVat().toWire());
		}

	}

	@PutMapping("/workspaces/{workspaceId}")
	WorkspaceResponse update(@PathVariable UUID workspaceId, @Valid @RequestBody WorkspaceRequest request) {
		CurrentUser user = CurrentUser.get();
		return WorkspaceResponse
			.of(this.workspaces.priced(this.workspaces.update(workspaceId, request.toDetails(), user), user));
	}

}
