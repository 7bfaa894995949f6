package com.worklib.booking.booking.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.domain.ForbiddenException;
import com.worklib.booking.booking.Booking;
import com.worklib.booking.catalog.Catalog;
import com.worklib.booking.catalog.CatalogEstablishment;
import com.worklib.booking.booking.BookingQueries;
import com.worklib.booking.booking.BookingService;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.web.PageResponse.PageQuery;
import com.worklib.platform.web.PageResponse;

@RestController
@RequestMapping("/api/bookings/v1")
class BookingController {

	private final BookingService bookings;

	private final BookingQueries queries;

	private final PartnerAccess access;

	private final Catalog catalog;

	private final java.time.Clock clock;

	BookingController(BookingService bookings, BookingQueries queries, PartnerAccess access, Catalog catalog,
			java.time.Clock clock) {
		this.clock = clock;
		this.bookings = bookings;
		this.catalog = catalog;
		this.queries = queries;
		this.access = access;
	}

	record CreateRequest(@NotNull UUID workspaceId, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
			@Min(1) @Max(1000) Integer attendees, @Size(max = 1000) String note) {
	}

	record ReasonRequest(@Size(max = 1000) String reason) {
	}

	@PostMapping("/bookings")
	@io.swagger.v3.oas.annotations.tags.Tag(name = EmployeeFlow.TAG)
	@io.swagger.v3.oas.annotations.Operation(summary = "2. Book the slot a search offered",
			description = "Send the search item's `slot` (`start`, `end`) with an `Idempotency-Key` per form or "
					+ "attempt: the same key and body give back the first booking (201), so a double tap or a "
					+ "retry books once. INSTANT → CONFIRMED; REQUEST → REQUESTED, answered within 72 h. "
					+ "409 when the slot was just taken (search again), 422 naming the rule (outside opening "
					+ "hours, in the past, wrong granularity).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @io.swagger.v3.oas.annotations.media.Content(
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "desk 09:00-11:00",
									value = EmployeeFlow.BOOK))))
	ResponseEntity<BookingResponse> create(@Valid @RequestBody CreateRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		CurrentUser user = CurrentUser.get();
		if (!user.hasRealmRole(CurrentUser.ROLE_EMPLOYEE)) {
			throw new ForbiddenException("Only employees with a verified address can book");
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw FieldValidationException.of("Idempotency-Key", "must be 1 to 200 characters");
		}
		var result = this.bookings.create(
				new BookingService.NewBooking(request.workspaceId(), request.start().toInstant(),
						request.end().toInstant(), request.attendees(), request.note()),
				user, idempotencyKey, hash(request));
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/bookings/v1/bookings/" + result.booking().id())
			.body(BookingResponse.of(result.booking(), true, place(result.booking()), this.clock.instant()));
	}

	@GetMapping("/bookings/{bookingId}")
	@io.swagger.v3.oas.annotations.tags.Tag(name = EmployeeFlow.TAG)
	@io.swagger.v3.oas.annotations.Operation(
			summary = "A booking: for its booker, customer prices, the place and what cancelling costs",
			description = "The booker sees `price.customerAmountInclVat`, `place` (address, the venue's phone, "
					+ "access instructions) and `cancellation` {freeUntil, lateFee, feeNow}: cancelling is free "
					+ "until `freeUntil`, then costs `lateFee`; `feeNow` is what cancelling now would cost.")
	BookingResponse get(@PathVariable UUID bookingId) {
		CurrentUser user = CurrentUser.get();
		return view(this.bookings.get(bookingId, user), user);
	}

	@PostMapping("/bookings/{bookingId}/confirm")
	BookingResponse confirm(@PathVariable UUID bookingId) {
		CurrentUser user = CurrentUser.get();
		return view(this.bookings.confirm(bookingId, user), user);
	}

	@PostMapping("/bookings/{bookingId}/decline")
	BookingResponse decline(@PathVariable UUID bookingId, @Valid @RequestBody(required = false) ReasonRequest request) {
		CurrentUser user = CurrentUser.get();
		return view(this.bookings.decline(bookingId, request == null ? null : request.reason(), user), user);
	}

	@PostMapping("/bookings/{bookingId}/cancel")
	@io.swagger.v3.oas.annotations.tags.Tag(name = EmployeeFlow.TAG)
	@io.swagger.v3.oas.annotations.Operation(summary = "4. Cancel (show `cancellation.feeNow` first)",
			description = "By the booker: free until 24 h before the start, then the fee is recorded on the "
					+ "booking. 409 once it no longer holds its slot.")
	BookingResponse cancel(@PathVariable UUID bookingId, @Valid @RequestBody(required = false) ReasonRequest request) {
		CurrentUser user = CurrentUser.get();
		return view(this.bookings.cancel(bookingId, request == null ? null : request.reason(), user), user);
	}

	@GetMapping("/me/bookings")
	@io.swagger.v3.oas.annotations.tags.Tag(name = EmployeeFlow.TAG)
	@io.swagger.v3.oas.annotations.Operation(summary = "3. My bookings",
			description = "The booker's bookings, by start; `from`/`to` filter on the venue-local service date.")
	PageResponse<BookingResponse> mine(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		var all = this.queries.ofBooker(CurrentUser.get().userId(), from, to);
		var places = new java.util.HashMap<UUID, java.util.Optional<CatalogEstablishment>>();
		var now = this.clock.instant();
		return PageResponse.slice(all.stream()
			.map(b -> BookingResponse.of(b, true,
					places.computeIfAbsent(b.establishmentId(), this.catalog::establishment).orElse(null), now))
			.toList(), query);
	}

	/** The partner's own view: partner amounts only (members see no customer price). */
	private BookingResponse view(Booking booking, CurrentUser user) {
		boolean partnerView = this.access.seesPartnerData(user, booking.partnerId());
		return BookingResponse.of(booking, !partnerView && booking.bookerId().equals(user.userId()), place(booking),
				this.clock.instant());
	}

	private CatalogEstablishment place(Booking booking) {
		return this.catalog.establishment(booking.establishmentId()).orElse(null);
	}

	/**
	 * What makes two requests "the same" for an Idempotency-Key: every field of the body.
	 */
	static String hash(CreateRequest request) {
		String canonical = request.workspaceId() + "|" + request.start().toInstant() + "|" + request.end().toInstant()
				+ "|" + request.attendees() + "|" + request.note();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
