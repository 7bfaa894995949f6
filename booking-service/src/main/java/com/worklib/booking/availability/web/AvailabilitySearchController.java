package com.worklib.booking.availability.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.booking.availability.AvailabilitySearch;
import com.worklib.booking.catalog.CatalogEstablishment;
import com.worklib.contracts.MoneyAmount;
import com.worklib.platform.domain.FieldError;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.web.PageResponse;
import com.worklib.platform.web.PageResponse.PageQuery;

/**
 * {@code GET /availability/search?city=&date=&from=&to=&type=&capacity=&establishmentId=}:
 * the workspaces of a city free for the whole slot, with the customer's price for it.
 * Public: it tells no one who booked.
 */
@RestController
@RequestMapping("/api/bookings/v1")
class AvailabilitySearchController {

	static final Set<String> TYPES = Set.of("DESK", "MEETING_ROOM", "PRIVATE_OFFICE");

	private final AvailabilitySearch search;

	AvailabilitySearchController(AvailabilitySearch search) {
		this.search = search;
	}

	record Workspace(UUID workspaceId, String type, String name, int capacity, String bookingMode, String priceUnit) {
	}

	record Hours(LocalTime opens, LocalTime closes) {
	}

	record Establishment(UUID establishmentId, String name, CatalogEstablishment.Address address, String timezone,
			List<Hours> openingHoursThatDay) {
	}

	/** The booking that would cover the slot asked for, in the venue's offset. */
	record Slot(OffsetDateTime start, OffsetDateTime end) {
	}

	/**
	 * What the customer pays for the slot: excl. VAT (with the platform fee) and incl.;
	 * {@code lateCancellationFee}, what a cancellation less than 24 h before would cost
	 * once confirmed (the partner's amount excl. VAT, as booking records it).
	 */
	record CustomerPrice(String unit, String quantity, MoneyAmount exclVat, int vatRateBps, MoneyAmount inclVat,
			MoneyAmount lateCancellationFee) {
	}

	/**
	 * Cancelling once booked: free until {@code freeUntil} (the same local time the day
	 * before), then {@code customerPrice.lateCancellationFee}; {@code lateAlready} when
	 * the slot starts within 24 h, so cancelling would cost the fee from the start.
	 */
	record Cancellation(OffsetDateTime freeUntil, boolean lateAlready) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Item(Workspace workspace, Establishment establishment, Slot slot, CustomerPrice customerPrice,
			Integer remaining, Cancellation cancellation) {
	}

	@GetMapping("/availability/search")
	@io.swagger.v3.oas.annotations.tags.Tag(name = com.worklib.booking.booking.web.EmployeeFlow.TAG)
	@io.swagger.v3.oas.annotations.Operation(summary = "1. Search what is free for a whole slot",
			description = "`date`, `from`, `to` are venue-local (HH:mm on the hour or half hour). Each item is a "
					+ "workspace free for the whole slot with the booking that would cover it (`slot`: the "
					+ "exact range for hourly spaces, the half day or the day for the others) and its customer "
					+ "price; `remaining` places for desks. Public. Example: "
					+ "`GET /api/bookings/v1/availability/search?city=Lyon&date=2026-12-03&from=09:00&to=11:00&type=DESK`",
			responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
					content = @io.swagger.v3.oas.annotations.media.Content(
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "one desk",
									value = com.worklib.booking.booking.web.EmployeeFlow.SEARCH))))
	PageResponse<Item> search(@RequestParam(required = false) String city,
			@RequestParam(required = false) LocalDate date, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer capacity, @RequestParam(required = false) UUID establishmentId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery paging = PageQuery.of(page, size);
		List<FieldError> errors = new ArrayList<>();
		if (city == null || city.isBlank() || city.length() > 100) {
			errors.add(new FieldError("city", "must be a city name of 1 to 100 characters"));
		}
		if (date == null) {
			errors.add(new FieldError("date", "must be a date such as 2026-12-03"));
		}
		LocalTime start = time("from", from, errors);
		LocalTime end = time("to", to, errors);
		if (start != null && end != null && !end.isAfter(start)) {
			errors.add(new FieldError("to", "must be after from"));
		}
		if (type != null && !TYPES.contains(type)) {
			errors.add(new FieldError("type", "must be DESK, MEETING_ROOM or PRIVATE_OFFICE"));
		}
		if (capacity != null && (capacity < 1 || capacity > 1000)) {
			errors.add(new FieldError("capacity", "must be between 1 and 1000"));
		}
		if (!errors.isEmpty()) {
			throw new FieldValidationException(errors);
		}
		List<Item> items = this.search
			.search(new AvailabilitySearch.Query(city.trim(), date, start, end, type, capacity, establishmentId))
			.stream()
			.map(AvailabilitySearchController::item)
			.toList();
		return PageResponse.slice(items, paging);
	}

	/** HH:mm on the hour or the half hour, as bookings are. */
	private static LocalTime time(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "must be a time HH:mm such as 09:00"));
			return null;
		}
		try {
			LocalTime t = LocalTime.parse(value.trim());
			if (t.getMinute() % 30 != 0 || t.getSecond() != 0 || t.getNano() != 0) {
				errors.add(new FieldError(field, "must be on the hour or the half hour, such as 09:00 or 09:30"));
				return null;
			}
			return t;
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be a time HH:mm such as 09:00"));
			return null;
		}
	}

	private static Item item(AvailabilitySearch.Offer o) {
		var w = o.workspace();
		var e = o.establishment();
		var zone = w.timezone();
		var p = o.price();
		return new Item(
				new Workspace(w.workspaceId(), w.type(), w.name(), w.capacity(), w.bookingMode(), w.unit().name()),
				new Establishment(e.establishmentId(), e.name(), e.address(), zone.getId(),
						o.openingHoursThatDay().stream().map(h -> new Hours(h.opens(), h.closes())).toList()),
				new Slot(o.start().atZone(zone).toOffsetDateTime(), o.end().atZone(zone).toOffsetDateTime()),
				new CustomerPrice(p.unit().name(), p.quantity().toPlainString(),
						p.amountExclVat().plus(p.platformFee()).toWire(), p.vatRate().bps(),
						p.customerAmountInclVat().toWire(), p.amountExclVat().toWire()),
				o.remaining(),
				new Cancellation(o.freeCancellationUntil().atZone(zone).toOffsetDateTime(), o.lateAlready()));
	}

}
