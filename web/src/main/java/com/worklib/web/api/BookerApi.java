package com.worklib.web.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The employees' side of the API: the public catalog and availability (anonymously, so a
 * visitor searches before signing in), and their own bookings as the signed-in person.
 */
public class BookerApi {

	private final RestClient anonymous;

	private final RestClient asUser;

	BookerApi(RestClient anonymous, RestClient asUser) {
		this.anonymous = anonymous;
		this.asUser = asUser;
	}

	/**
	 * What a person asks: where, when (venue-local), what; {@code establishmentId} keeps
	 * one establishment of the city.
	 */
	public record Query(String city, LocalDate date, LocalTime from, LocalTime to, String type, Integer capacity,
			UUID establishmentId) {
	}

	public record Hours(LocalTime opens, LocalTime closes) {
	}

	public record OfferWorkspace(UUID workspaceId, String type, String name, int capacity, String bookingMode,
			String priceUnit) {
	}

	public record OfferEstablishment(UUID establishmentId, String name, UserApi.Address address, String timezone,
			List<Hours> openingHoursThatDay) {
	}

	public record Slot(OffsetDateTime start, OffsetDateTime end) {
	}

	public record CustomerPrice(String unit, String quantity, UserApi.Money exclVat, int vatRateBps,
			UserApi.Money inclVat, UserApi.Money lateCancellationFee) {

		/** The VAT in the price, as the API's two amounts differ by it. */
		public UserApi.Money vat() {
			return new UserApi.Money(this.inclVat.amountMinor() - this.exclVat.amountMinor(), this.inclVat.currency());
		}

	}

	/** Cancelling once booked: free until then, or late from the start. */
	public record OfferCancellation(OffsetDateTime freeUntil, boolean lateAlready) {
	}

	/** A free workspace for the slot, with the booking that would cover it. */
	public record Offer(OfferWorkspace workspace, OfferEstablishment establishment, Slot slot,
			CustomerPrice customerPrice, Integer remaining, OfferCancellation cancellation) {

		public ZonedDateTime freeCancellationUntil() {
			return this.cancellation.freeUntil().atZoneSameInstant(ZoneId.of(this.establishment.timezone()));
		}

		public ZonedDateTime startAt() {
			return this.slot.start().atZoneSameInstant(ZoneId.of(this.establishment.timezone()));
		}

		public ZonedDateTime endAt() {
			return this.slot.end().atZoneSameInstant(ZoneId.of(this.establishment.timezone()));
		}

		public boolean onRequest() {
			return "REQUEST".equals(this.workspace.bookingMode());
		}

	}

	/**
	 * @throws ApiProblem 400 naming the fields that are wrong
	 */
	public PartnerApi.Page<Offer> search(Query q, int page, int size) {
		return PublicApi.call(() -> this.anonymous.get().uri(b -> {
			UriBuilder uri = b.path("/api/bookings/v1/availability/search")
				.queryParam("city", q.city())
				.queryParam("date", q.date())
				.queryParam("from", q.from())
				.queryParam("to", q.to())
				.queryParam("page", page)
				.queryParam("size", size);
			if (q.type() != null) {
				uri.queryParam("type", q.type());
			}
			if (q.capacity() != null) {
				uri.queryParam("capacity", q.capacity());
			}
			if (q.establishmentId() != null) {
				uri.queryParam("establishmentId", q.establishmentId());
			}
			return uri.build();
		}).retrieve().body(new ParameterizedTypeReference<PartnerApi.Page<Offer>>() {
		}));
	}

	public UserApi.Establishment establishment(UUID establishmentId) {
		return UserApi.establishment(this.anonymous, establishmentId);
	}

	public List<UserApi.Workspace> workspaces(UUID establishmentId) {
		return UserApi.workspaces(this.anonymous, establishmentId);
	}

	public UserApi.Workspace workspace(UUID workspaceId) {
		return UserApi.workspace(this.anonymous, workspaceId);
	}

	public record Range(OffsetDateTime start, OffsetDateTime end) {
	}

	public record Remaining(OffsetDateTime start, OffsetDateTime end, int remaining) {
	}

	/**
	 * A workspace's day: opening hours, busy ranges, places left per half hour (desks).
	 */
	public record Day(LocalDate date, String timezone, List<Hours> openingHours, List<Range> busy,
			List<Remaining> remainingCapacity) {
	}

	public Day day(UUID workspaceId, LocalDate date) {
		return PublicApi.call(() -> this.anonymous.get()
			.uri("/api/bookings/v1/workspaces/{id}/availability?date={d}", workspaceId, date)
			.retrieve()
			.body(Day.class));
	}

	public record Place(String establishmentName, UserApi.Address address, String phone, String accessInstructions) {
	}

	/** {@code feeNow}: what cancelling now costs, by booking's clock; null when free. */
	public record Cancellation(OffsetDateTime freeUntil, UserApi.Money lateFee, UserApi.Money feeNow) {
	}

	public record CustomerBookingPrice(String unit, String quantity, UserApi.Money amountExclVat, int vatRateBps,
			UserApi.Money platformFee, UserApi.Money customerAmountInclVat) {
	}

	/**
	 * A booking as its booker sees it: customer prices, the place, what cancelling costs.
	 */
	public record MyBooking(UUID bookingId, UUID workspaceId, String workspaceName, UUID establishmentId, String status,
			OffsetDateTime start, OffsetDateTime end, LocalDate serviceDate, String timezone,
			CustomerBookingPrice price, UserApi.Money cancellationFee, String reason, OffsetDateTime expiresAt,
			Place place, Cancellation cancellation) {

		public ZonedDateTime startAt() {
			return this.start.atZoneSameInstant(zone());
		}

		public ZonedDateTime endAt() {
			return this.end.atZoneSameInstant(zone());
		}

		public ZonedDateTime expiresAtVenue() {
			return this.expiresAt == null ? null : this.expiresAt.atZoneSameInstant(zone());
		}

		public ZonedDateTime freeUntil() {
			return this.cancellation == null ? null : this.cancellation.freeUntil().atZoneSameInstant(zone());
		}

		public boolean holdsSlot() {
			return "CONFIRMED".equals(this.status) || "REQUESTED".equals(this.status);
		}

		private ZoneId zone() {
			return ZoneId.of(this.timezone == null ? "Europe/Paris" : this.timezone);
		}

	}

	/**
	 * {@code POST /bookings}: the same key with the same body gives back the first
	 * booking.
	 * @throws ApiProblem 409 slot taken, 422 against a rule (opening hours, the past…)
	 */
	public MyBooking book(UUID workspaceId, OffsetDateTime start, OffsetDateTime end, Integer attendees, String note,
			String idempotencyKey) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("workspaceId", workspaceId);
		body.put("start", start);
		body.put("end", end);
		if (attendees != null) {
			body.put("attendees", attendees);
		}
		if (note != null && !note.isBlank()) {
			body.put("note", note.trim());
		}
		return PublicApi.call(() -> this.asUser.post()
			.uri("/api/bookings/v1/bookings")
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(MyBooking.class));
	}

	public List<MyBooking> mine() {
		return PublicApi.call(() -> this.asUser.get()
			.uri("/api/bookings/v1/me/bookings?size=200")
			.retrieve()
			.body(new ParameterizedTypeReference<UserApi.Items<MyBooking>>() {
			})
			.items());
	}

	public MyBooking booking(UUID bookingId) {
		return PublicApi.call(() -> this.asUser.get()
			.uri("/api/bookings/v1/bookings/{id}", bookingId)
			.retrieve()
			.body(MyBooking.class));
	}

	/**
	 * @throws ApiProblem 409 when it no longer can be
	 */
	public MyBooking cancel(UUID bookingId, String reason) {
		return PublicApi.call(() -> this.asUser.post()
			.uri("/api/bookings/v1/bookings/{id}/cancel", bookingId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.trim()))
			.retrieve()
			.body(MyBooking.class));
	}

	public byte[] calendar(UUID bookingId) {
		return PublicApi.call(() -> this.asUser.get()
			.uri("/api/bookings/v1/bookings/{id}/calendar.ics", bookingId)
			.retrieve()
			.body(byte[].class));
	}

}
