package com.worklib.venue.workspace.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.VatRate;
import com.worklib.venue.workspace.BookingMode;
import com.worklib.venue.workspace.Workspace.WorkspaceDetails;
import com.worklib.venue.workspace.WorkspaceType;

/**
 * Body of {@code POST /establishments/{id}/workspaces} and {@code PUT /workspaces/{id}}.
 */
public record WorkspaceRequest(@NotNull WorkspaceType type, @NotBlank @Size(max = 200) String name,
		@NotNull @Min(1) @Max(10_000) Integer capacity, @NotNull BookingMode bookingMode,
		@NotNull @Valid PriceRequest price, Boolean active) {

	/** The partner price excluding VAT per unit. */
	public record PriceRequest(@NotNull PriceUnit unit, @NotNull @Valid MoneyRequest amountExclVat,
			@NotNull Integer vatRateBps) {
	}

	public record MoneyRequest(@NotNull @Positive Long amountMinor,
			@NotNull @Pattern(regexp = "^EUR$", message = "must be EUR") String currency) {
	}

	public WorkspaceDetails toDetails() {
		if (!VatRate.FRENCH_RATES.contains(this.price.vatRateBps())) {
			throw FieldValidationException.of("price.vatRateBps",
					"must be one of 0, 210, 550, 1000, 2000 (basis points)");
		}
		return new WorkspaceDetails(this.type, this.name.trim(), this.capacity, this.bookingMode, this.price.unit(),
				Money.of(this.price.amountExclVat().amountMinor(), this.price.amountExclVat().currency()),
				new VatRate(this.price.vatRateBps()), this.active == null || this.active);
	}

}
