package com.worklib.web.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A partner's bookings, statements, invoices and payouts, as the signed-in member; the
 * API answers 404 for another partner's, and the page says so.
 */
public class PartnerApi {

	private final RestClient api;

	PartnerApi(RestClient api) {
		this.api = api;
	}

	public record Booker(String firstName, String email, String company) {

		/**
		 * "Emma · Acme Conseil", "Emma", or null when the booking says nothing of them.
		 */
		public String who() {
			if (this.firstName == null) {
				return this.company;
			}
			return this.company == null ? this.firstName : this.firstName + " · " + this.company;
		}

	}

	public record BookingPrice(String unit, String quantity, UserApi.Money unitPriceExclVat,
			UserApi.Money amountExclVat, int vatRateBps, UserApi.Money vatAmount, UserApi.Money amountInclVat) {
	}

	public record Booking(UUID bookingId, UUID workspaceId, String workspaceName, UUID establishmentId, UUID partnerId,
			String status, OffsetDateTime start, OffsetDateTime end, LocalDate serviceDate, String timezone,
			BookingPrice price, UserApi.Money cancellationFee, String reason, OffsetDateTime expiresAt,
			OffsetDateTime createdAt, Booker booker, long version) {

		/**
		 * When it starts, in the venue's time zone (the API's offset may be lost in
		 * transit).
		 */
		public java.time.ZonedDateTime startAt() {
			return this.start.atZoneSameInstant(zone());
		}

		public java.time.ZonedDateTime endAt() {
			return this.end.atZoneSameInstant(zone());
		}

		private java.time.ZoneId zone() {
			return java.time.ZoneId.of(this.timezone == null ? "Europe/Paris" : this.timezone);
		}

		/** What the partner will be invoiced for it, excl. VAT; null when nothing. */
		public UserApi.Money invoicedExclVat() {
			return switch (this.status) {
				case "CONFIRMED", "REQUESTED" -> this.price.amountExclVat();
				case "CANCELLED" -> this.cancellationFee;
				default -> null;
			};
		}

	}

	public record PageInfo(int number, int size, long totalElements, int totalPages) {
	}

	public record Page<T>(List<T> items, PageInfo page) {
	}

	/** The table's filters, as the API takes them; null means any. */
	public record Filters(LocalDate from, LocalDate to, UUID establishmentId, UUID workspaceId, String status) {

		String query() {
			UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
			if (this.from != null) {
				uri.queryParam("from", this.from);
			}
			if (this.to != null) {
				uri.queryParam("to", this.to);
			}
			if (this.establishmentId != null) {
				uri.queryParam("establishmentId", this.establishmentId);
			}
			if (this.workspaceId != null) {
				uri.queryParam("workspaceId", this.workspaceId);
			}
			if (this.status != null && !this.status.isBlank()) {
				uri.queryParam("status", this.status);
			}
			return uri.build().toUriString();
		}

	}

	public Page<Booking> bookings(UUID partnerId, Filters filters, int page, int size) {
		String query = filters.query();
		String uri = "/api/bookings/v1/partners/" + partnerId + "/bookings" + (query.isEmpty() ? "?" : query + "&")
				+ "page=" + page + "&size=" + size;
		return PublicApi.call(() -> this.api.get()
			.uri(java.net.URI.create(uri))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(new ParameterizedTypeReference<Page<Booking>>() {
			}));
	}

	/** The same rows as {@link #bookings}, every page of them, as the API's CSV. */
	public byte[] bookingsCsv(UUID partnerId, Filters filters) {
		return PublicApi.call(() -> this.api.get()
			.uri(java.net.URI.create("/api/bookings/v1/partners/" + partnerId + "/bookings" + filters.query()))
			.accept(MediaType.parseMediaType("text/csv"))
			.retrieve()
			.body(byte[].class));
	}

	public Booking booking(UUID bookingId) {
		return PublicApi
			.call(() -> this.api.get().uri("/api/bookings/v1/bookings/{id}", bookingId).retrieve().body(Booking.class));
	}

	/** {@code confirm}, {@code decline} or {@code cancel}, with an optional reason. */
	public Booking answer(UUID bookingId, String action, String reason) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/bookings/v1/bookings/{id}/{action}", bookingId, action)
			.contentType(MediaType.APPLICATION_JSON)
			.body(reason == null || reason.isBlank() ? java.util.Map.of() : java.util.Map.of("reason", reason.trim()))
			.retrieve()
			.body(Booking.class));
	}

	public record InvoiceLine(int lineNo, UUID bookingId, LocalDate serviceDate, String workspaceName, String kind,
			UserApi.Money amountExclVat, int vatRateBps, String regularisesNumber, String unit,
			java.math.BigDecimal quantity, UserApi.Money unitPriceExclVat) {
	}

	public record BilledLine(UUID invoiceId, String number, String month, InvoiceLine line) {
	}

	/** Where the booking was invoiced: empty until its month closes. */
	public List<BilledLine> invoiceLines(UUID partnerId, UUID bookingId, java.time.YearMonth month) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/billing/v1/partners/{p}/bookings/{b}/invoice-lines?month={m}", partnerId, bookingId, month)
			.retrieve()
			.body(new ParameterizedTypeReference<UserApi.Items<BilledLine>>() {
			})
			.items());
	}

	/**
	 * An establishment's calendar subscription URL (secret: whoever has it sees the
	 * bookings).
	 */
	public record CalendarFeed(UUID establishmentId, String url, OffsetDateTime createdAt) {
	}

	public CalendarFeed calendarFeed(UUID establishmentId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/bookings/v1/establishments/{id}/calendar-feed", establishmentId)
			.retrieve()
			.body(CalendarFeed.class));
	}

	/**
	 * A new URL; the old one stops answering at once.
	 * @throws ApiProblem 403 for a member who is neither owner nor manager
	 */
	public CalendarFeed rotateCalendarFeed(UUID establishmentId) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/bookings/v1/establishments/{id}/calendar-feed", establishmentId)
			.retrieve()
			.body(CalendarFeed.class));
	}

}
