package com.worklib.booking.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.worklib.booking.booking.Booking;
import com.worklib.booking.booking.BookingStatus;
import com.worklib.booking.catalog.CatalogEstablishment;

/**
 * Writes calendar files with ical4j, so Outlook, Google and Apple read them as they read
 * each other's.
 *
 * <pre>
 * UID        {bookingId}@worklib   stable: a new file replaces the event, never adds one
 * SEQUENCE   the booking's version grows with each change
 * STATUS     CONFIRMED, TENTATIVE while a request waits, CANCELLED once cancelled, declined or expired
 * DTSTART    venue-local with TZID and the zone's VTIMEZONE
 * LOCATION   the establishment's address
 * </pre>
 *
 * The booker's file is an invitation from Worklib (METHOD:REQUEST, then METHOD:CANCEL
 * once it no longer holds), so a mail client adds it and later removes it; anybody else
 * gets a plain published event without the booker's address. DTSTAMP is the booking's
 * last change, so the same booking always gives the same bytes.
 */
@Component
public class CalendarFiles {

	static final String PRODUCT = "-//Worklib//Reservations 1.0//FR";

	private static final Set<BookingStatus> HOLDING = Set.of(BookingStatus.CONFIRMED, BookingStatus.REQUESTED);

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	private final Map<String, VTimeZone> timezones = new ConcurrentHashMap<>();

	private final String webBaseUrl;

	private final String organizer;

	CalendarFiles(@Value("${worklib.booking.calendar.web-base-url}") String webBaseUrl,
			@Value("${worklib.booking.calendar.organizer}") String organizer) {
		this.webBaseUrl = webBaseUrl.replaceAll("/+$", "");
		this.organizer = organizer;
	}

	/** Who the file is for: the booker gets an invitation, others a published event. */
	public enum Audience {

		BOOKER, PARTNER

	}

	/** One booking's event; {@code establishment} may be unknown to the catalog. */
	public String booking(Booking booking, CatalogEstablishment establishment, Audience audience) {
		Calendar calendar = calendar();
		if (audience == Audience.BOOKER) {
			calendar.add(HOLDING.contains(booking.status()) ? ImmutableMethod.REQUEST : ImmutableMethod.CANCEL);
		}
		else {
			calendar.add(ImmutableMethod.PUBLISH);
		}
		calendar.add(vtimezone(booking.timezone()));
		calendar.add(event(booking, establishment, audience));
		return write(calendar);
	}

	/**
	 * An establishment's subscription feed: the bookings given, as its partner sees them.
	 */
	public String feed(CatalogEstablishment establishment, List<Booking> bookings) {
		Calendar calendar = calendar();
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", "Worklib — " + establishment.name()));
		calendar.add(new XProperty("X-WR-TIMEZONE", establishment.timezone().getId()));
		// calendar apps poll a subscription; ask for once an hour at most
		calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
		bookings.stream().map(Booking::timezone).distinct().forEach(zone -> calendar.add(vtimezone(zone)));
		bookings.forEach(b -> calendar.add(event(b, establishment, Audience.PARTNER)));
		return write(calendar);
	}

	private static Calendar calendar() {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		return calendar;
	}

	private VEvent event(Booking b, CatalogEstablishment establishment, Audience audience) {
		ZoneId zone = b.timezone();
		VEvent event = new VEvent(false);
		event.add(new Uid(b.id() + "@worklib"));
		event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, b.version())));
		event.add(new DtStamp(b.updatedAt()));
		event.add(new LastModified(b.updatedAt()));
		event.add(new DtStart<>(ZonedDateTime.ofInstant(b.start(), zone)));
		event.add(new DtEnd<>(ZonedDateTime.ofInstant(b.end(), zone)));
		event.add(new Summary(summary(b, establishment, audience)));
		event.add(status(b.status()));
		event.add(ImmutableTransp.OPAQUE);
		if (establishment != null && establishment.address() != null && establishment.address().line1() != null) {
			event.add(new Location(establishment.name() + ", " + establishment.address().oneLine()));
		}
		else if (establishment != null) {
			event.add(new Location(establishment.name()));
		}
		String page = audience == Audience.BOOKER ? this.webBaseUrl + "/bookings/" + b.id()
				: this.webBaseUrl + "/partners/" + b.partnerId() + "/bookings/" + b.id();
		event.add(new Description(description(b, establishment, page)));
		event.add(new Url(URI.create(page)));
		if (audience == Audience.BOOKER) {
			Organizer from = new Organizer(URI.create("mailto:" + this.organizer));
			from.add(new Cn("Worklib"));
			event.add(from);
			if (b.booker() != null && b.booker().email() != null) {
				Attendee attendee = new Attendee(URI.create("mailto:" + b.booker().email()));
				if (b.booker().firstName() != null) {
					attendee.add(new Cn(b.booker().firstName()));
				}
				attendee.add(Role.REQ_PARTICIPANT);
				attendee.add(b.status() == BookingStatus.CONFIRMED ? PartStat.ACCEPTED : PartStat.TENTATIVE);
				event.add(attendee);
			}
		}
		return event;
	}

	private static String summary(Booking b, CatalogEstablishment establishment, Audience audience) {
		if (audience == Audience.BOOKER) {
			return establishment == null ? b.workspaceName() : b.workspaceName() + " — " + establishment.name();
		}
		String who = b.booker() == null || b.booker().firstName() == null ? "" : " · " + b.booker().firstName()
				+ (b.booker().company() == null ? "" : " (" + b.booker().company() + ")");
		return b.workspaceName() + who + (b.status() == BookingStatus.REQUESTED ? " [demande / request]" : "");
	}

	/**
	 * French first, English second, as the mails: the workspace, how to get in, whom to
	 * call, the booking's page.
	 */
	private static String description(Booking b, CatalogEstablishment establishment, String page) {
		List<String> lines = new ArrayList<>();
		lines.add("Espace / Workspace : " + b.workspaceName());
		if (b.status() == BookingStatus.REQUESTED) {
			lines.add("En attente de la réponse du partenaire / Waiting for the partner's answer");
		}
		if (establishment != null && establishment.accessInstructions() != null) {
			lines.add("Accès / Access : " + establishment.accessInstructions());
		}
		if (establishment != null && establishment.phone() != null) {
			lines.add("Contact : " + establishment.phone());
		}
		lines.add("Réservation / Booking : " + page);
		return lines.stream().collect(Collectors.joining("\n"));
	}

	private static Status status(BookingStatus status) {
		return switch (status) {
			case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
			case REQUESTED -> ImmutableStatus.VEVENT_TENTATIVE;
			case DECLINED, EXPIRED, CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
		};
	}

	private VTimeZone vtimezone(ZoneId zone) {
		return this.timezones.computeIfAbsent(zone.getId(), id -> this.zones.getTimeZone(id).getVTimeZone());
	}

	private static String write(Calendar calendar) {
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
