package com.worklib.venue.establishment.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.worklib.platform.domain.FieldError;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.EmailAddresses;
import com.worklib.venue.establishment.Address;
import com.worklib.venue.establishment.BookingContact;
import com.worklib.venue.establishment.Establishment.EstablishmentDetails;
import com.worklib.venue.establishment.OpeningHours;
import com.worklib.venue.shared.Phones;
import com.worklib.venue.shared.Texts;

/**
 * Body of {@code POST /partners/{id}/establishments} and {@code PUT
 * /establishments/{id}}.
 */
public record EstablishmentRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid AddressRequest address,
		@NotBlank String timezone, @NotEmpty @Size(max = 28) List<@Valid @NotNull OpeningHoursRequest> openingHours,
		@Size(max = 4000) String description, @NotNull @Valid BookingContactRequest bookingContact,
		@Size(max = 1000) String accessInstructions) {

	static final String HH_MM = "^([01]\\d|2[0-3]):[0-5]\\d$";

	public record AddressRequest(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
			@NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 100) String city,
			@NotBlank @Pattern(regexp = "^[A-Z]{2}$",
					message = "must be an ISO 3166 alpha-2 code such as FR") String country) {
	}

	public record OpeningHoursRequest(@NotNull DayOfWeek dayOfWeek,
			@NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm") String opens,
			@NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm") String closes) {
	}

	public record BookingContactRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank String phone) {
	}

	/**
	 * The rules bean validation cannot say: a known time zone, ranges that open before
	 * they close and do not overlap, a phone number that exists (stored in E.164).
	 */
	public EstablishmentDetails toDetails() {
		List<FieldError> errors = new ArrayList<>();
		ZoneId zone = null;
		try {
			zone = ZoneId.of(this.timezone);
		}
		catch (RuntimeException ex) {
			errors.add(new FieldError("timezone",
					"'" + this.timezone + "' is not an IANA time zone such as Europe/Paris"));
		}
		List<OpeningHours> hours = null;
		try {
			hours = OpeningHours.validated(this.openingHours.stream()
				.map(h -> new OpeningHours(h.dayOfWeek(), LocalTime.parse(h.opens()), LocalTime.parse(h.closes())))
				.toList());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("openingHours", ex.getMessage()));
		}
		String phone = Phones.toE164(this.bookingContact.phone(), this.address.country()).orElse(null);
		if (phone == null) {
			errors.add(new FieldError("bookingContact.phone",
					"'" + this.bookingContact.phone() + "' is not a valid phone number (E.164, such as +33472000000)"));
		}
		if (!errors.isEmpty()) {
			throw new FieldValidationException(errors);
		}
		return new EstablishmentDetails(this.name.trim(),
				new Address(this.address.line1().trim(), Texts.blankToNull(this.address.line2()),
						this.address.postalCode().trim(), this.address.city().trim(), this.address.country()),
				zone, hours, Texts.blankToNull(this.description),
				new BookingContact(EmailAddresses.normalize(this.bookingContact.email()), phone),
				Texts.blankToNull(this.accessInstructions));
	}

}
