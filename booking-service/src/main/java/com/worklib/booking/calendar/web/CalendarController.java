package com.worklib.booking.calendar.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.booking.booking.Booking;
import com.worklib.booking.booking.BookingService;
import com.worklib.booking.calendar.CalendarFeeds;
import com.worklib.booking.calendar.CalendarFiles;
import com.worklib.booking.catalog.Catalog;
import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.security.CurrentUser;

/**
 * {@code GET /bookings/{id}/calendar.ics} (the booker, the partner's members, ops, and
 * notification-service's account to attach it to mails), {@code GET /feeds/{secret}.ics}
 * (anyone holding the secret), and the feed's URL for the back-office: {@code GET|POST
 * /establishments/{id}/calendar-feed}.
 */
@RestController
@RequestMapping("/api/bookings/v1")
class CalendarController {

	/**
	 * The realm role of the service account that mails bookings (notification-service).
	 */
	static final String CALENDARS_ROLE = "booking-calendars";

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final BookingService bookings;

	private final Catalog catalog;

	private final CalendarFiles files;

	private final CalendarFeeds feeds;

	private final String publicApiUrl;

	CalendarController(BookingService bookings, Catalog catalog, CalendarFiles files, CalendarFeeds feeds,
			@Value("${worklib.booking.calendar.public-api-url}") String publicApiUrl) {
		this.bookings = bookings;
		this.catalog = catalog;
		this.files = files;
		this.feeds = feeds;
		this.publicApiUrl = publicApiUrl.replaceAll("/+$", "");
	}

	@GetMapping("/bookings/{bookingId}/calendar.ics")
	@io.swagger.v3.oas.annotations.tags.Tag(name = com.worklib.booking.booking.web.EmployeeFlow.TAG)
	@io.swagger.v3.oas.annotations.Operation(summary = "5. The booking's calendar file (RFC 5545)",
			description = "For the booker an invitation (METHOD:REQUEST, METHOD:CANCEL once it no longer holds); "
					+ "for the partner's members a published event without the booker's address. Stable UID "
					+ "`{bookingId}@worklib`, SEQUENCE = version, times with TZID and the zone's VTIMEZONE.")
	ResponseEntity<String> booking(@PathVariable UUID bookingId) {
		CurrentUser user = CurrentUser.get();
		// the mailer's account reads files to attach them to the booker's mails, nothing
		// else
		boolean mailer = user.hasRealmRole(CALENDARS_ROLE);
		Booking booking = mailer
				? this.bookings.find(bookingId).orElseThrow(() -> new NotFoundException("Booking " + bookingId))
				: this.bookings.get(bookingId, user);
		boolean forBooker = mailer || booking.bookerId().equals(user.userId());
		String ics = this.files.booking(booking, this.catalog.establishment(booking.establishmentId()).orElse(null),
				forBooker ? CalendarFiles.Audience.BOOKER : CalendarFiles.Audience.PARTNER);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"worklib-" + bookingId + ".ics\"")
			.body(ics);
	}

	@GetMapping("/feeds/{secret}.ics")
	@io.swagger.v3.oas.annotations.Operation(
			summary = "An establishment's calendar feed (no login: the secret is the key)",
			description = "Confirmed and requested bookings from 30 days back to 180 days ahead; 404 once the URL "
					+ "was renewed with POST /establishments/{id}/calendar-feed.")
	ResponseEntity<String> feed(@PathVariable String secret) {
		if (!secret.matches("[A-Za-z0-9_-]{43}")) {
			throw new NotFoundException("Calendar feed");
		}
		CalendarFeeds.Contents contents = this.feeds.contents(secret);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.body(this.files.feed(contents.establishment(), contents.bookings()));
	}

	/** The feed's subscription URL, as a partner pastes it into Google or Outlook. */
	record FeedResponse(UUID establishmentId, String url, OffsetDateTime createdAt) {
	}

	@GetMapping("/establishments/{establishmentId}/calendar-feed")
	FeedResponse current(@PathVariable UUID establishmentId) {
		return response(this.feeds.current(establishmentId, CurrentUser.get()));
	}

	@PostMapping("/establishments/{establishmentId}/calendar-feed")
	ResponseEntity<FeedResponse> rotate(@PathVariable UUID establishmentId) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(response(this.feeds.rotate(establishmentId, CurrentUser.get())));
	}

	private FeedResponse response(CalendarFeeds.Feed feed) {
		return new FeedResponse(feed.establishmentId(),
				this.publicApiUrl + "/api/bookings/v1/feeds/" + feed.secret() + ".ics",
				feed.createdAt().atOffset(ZoneOffset.UTC));
	}

}
