package com.worklib.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.booking.booking.BookingRefused;
import com.worklib.booking.booking.BookingRepository;
import com.worklib.booking.booking.SlotRules;
import com.worklib.booking.catalog.Catalog;
import com.worklib.booking.catalog.CatalogEstablishment;
import com.worklib.booking.catalog.CatalogWorkspace;
import com.worklib.platform.money.PriceBreakdown;
import com.worklib.platform.money.Pricing;

/**
 * Which workspaces of a city are free for a whole slot of a venue-local day, and what
 * that slot costs the customer.
 *
 * <p>
 * The slot asked for ({@code date}, {@code from}–{@code to}, in each establishment's own
 * time zone) becomes, per workspace, the booking that would cover it: exactly that range
 * for hourly workspaces, the morning or afternoon half that contains it for half-day
 * ones, the opening day for daily ones. That booking must pass the same slot rules as
 * {@code POST /bookings} (opening hours, granularity, not in the past), and be free: no
 * active booking overlapping it for rooms and offices, a place left for desks (counted as
 * booking counts them). Its price is the one pricing function's, so the card shows what
 * the booking will cost.
 */
@Service
public class AvailabilitySearch {

	/**
	 * The longest booking (31 days): how far back a booking still overlapping may start.
	 */
	static final Duration LONGEST_BOOKING = Duration.ofDays(32);

	private final Catalog catalog;

	private final BookingRepository bookings;

	private final Clock clock;

	AvailabilitySearch(Catalog catalog, BookingRepository bookings, Clock clock) {
		this.catalog = catalog;
		this.bookings = bookings;
		this.clock = clock;
	}

	/**
	 * @param type DESK, MEETING_ROOM or PRIVATE_OFFICE; null for all
	 * @param capacity people to seat: rooms and offices that hold them, desks with that
	 * many places left; null for any
	 * @param establishmentId one establishment of the city only; null for all
	 */
	public record Query(String city, LocalDate date, LocalTime from, LocalTime to, String type, Integer capacity,
			UUID establishmentId) {
	}

	/**
	 * A free workspace: the booking that would cover the slot ({@code start}–{@code end})
	 * and its price; {@code remaining} is the places left for desks, null for rooms.
	 */
	public record Offer(CatalogWorkspace workspace, CatalogEstablishment establishment, Instant start, Instant end,
			List<CatalogWorkspace.Hours> openingHoursThatDay, PriceBreakdown price, Integer remaining,
			Instant freeCancellationUntil, boolean lateAlready) {
	}

	@Transactional(readOnly = true)
	public List<Offer> search(Query query) {
		Instant now = this.clock.instant();
		List<Candidate> candidates = new ArrayList<>();
		for (Catalog.Listing listing : this.catalog.activeIn(query.city(), query.establishmentId(), query.type(),
				query.capacity())) {
			covering(listing.workspace(), query, now)
				.ifPresent(c -> candidates.add(new Candidate(listing, c.start, c.end, c.price)));
		}
		if (candidates.isEmpty()) {
			return List.of();
		}
		Instant earliest = candidates.stream().map(Candidate::start).min(Instant::compareTo).orElseThrow();
		Instant latest = candidates.stream().map(Candidate::end).max(Instant::compareTo).orElseThrow();
		Map<UUID, List<BookingRepository.Busy>> busy = new HashMap<>();
		for (BookingRepository.Busy b : this.bookings.activeBusy(
				candidates.stream().map(c -> c.listing().workspace().workspaceId()).toList(),
				earliest.minus(LONGEST_BOOKING), earliest, latest)) {
			busy.computeIfAbsent(b.workspaceId(), k -> new ArrayList<>()).add(b);
		}
		List<Offer> offers = new ArrayList<>();
		for (Candidate c : candidates) {
			CatalogWorkspace w = c.listing().workspace();
			long overlapping = busy.getOrDefault(w.workspaceId(), List.of())
				.stream()
				.filter(b -> b.start().isBefore(c.end()) && b.end().isAfter(c.start()))
				.count();
			Integer remaining = null;
			if (w.exclusive()) {
				if (overlapping > 0) {
					continue;
				}
			}
			else {
				remaining = (int) Math.max(0, w.capacity() - overlapping);
				if (remaining < Math.max(1, query.capacity() == null ? 1 : query.capacity())) {
					continue;
				}
			}
			Instant freeUntil = com.worklib.booking.booking.Booking.cancellationDeadline(c.start(), w.timezone());
			offers.add(new Offer(w, c.listing().establishment(), c.start(), c.end(),
					w.hoursOn(query.date().getDayOfWeek()), c.price(), remaining, freeUntil, !now.isBefore(freeUntil)));
		}
		return offers;
	}

	private record Candidate(Catalog.Listing listing, Instant start, Instant end, PriceBreakdown price) {
	}

	private record Covering(Instant start, Instant end, PriceBreakdown price) {
	}

	/**
	 * The booking of this workspace that covers the slot asked for, if it may be made.
	 */
	private static Optional<Covering> covering(CatalogWorkspace w, Query q, Instant now) {
		ZoneId zone = w.timezone();
		List<CatalogWorkspace.Hours> day = w.hoursOn(q.date().getDayOfWeek());
		LocalTime from = q.from();
		LocalTime to = q.to();
		if (w.unit() != com.worklib.platform.money.PriceUnit.HOUR) {
			if (day.isEmpty()) {
				return Optional.empty();
			}
			LocalTime opens = day.get(0).opens();
			LocalTime closes = day.get(day.size() - 1).closes();
			if (w.unit() == com.worklib.platform.money.PriceUnit.DAY) {
				from = opens;
				to = closes;
			}
			else {
				LocalTime middle = SlotRules.middle(opens, closes);
				if (!from.isBefore(opens) && !to.isAfter(middle)) {
					from = opens;
					to = middle;
				}
				else if (!from.isBefore(middle) && !to.isAfter(closes)) {
					from = middle;
					to = closes;
				}
				else {
					return Optional.empty();
				}
			}
		}
		Instant start = q.date().atTime(from).atZone(zone).toInstant();
		Instant end = q.date().atTime(to).atZone(zone).toInstant();
		try {
			SlotRules.Slot slot = SlotRules.check(w, start, end, now);
			return Optional.of(new Covering(start, end,
					Pricing.price(w.price(), w.unit(), slot.quantity(), w.vatRate(), w.platformFeeBps())));
		}
		catch (BookingRefused outsideTheRules) {
			return Optional.empty();
		}
	}

}
