package com.worklib.booking.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.booking.catalog.Catalog;
import com.worklib.booking.catalog.CatalogWorkspace;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.platform.domain.ForbiddenException;
import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.messaging.EventPublisher;
import com.worklib.platform.money.Pricing;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;

@Service
public class BookingService {

	static final Duration REQUEST_VALIDITY = Duration.ofHours(72);

	private final Catalog catalog;

	private final Bookers bookers;

	private final BookingRepository bookings;

	private final EventPublisher events;

	private final PartnerAccess access;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BookingService(Catalog catalog, BookingRepository bookings, EventPublisher events, PartnerAccess access,
			Bookers bookers, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.catalog = catalog;
		this.bookers = bookers;
		this.bookings = bookings;
		this.events = events;
		this.access = access;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public record NewBooking(UUID workspaceId, Instant start, Instant end, Integer attendees, String note) {
	}

	/**
	 * The booking and whether it was created now (201) or replayed for an Idempotency-Key
	 * (201 too).
	 */
	public record Result(Booking booking, boolean replayed) {
	}

	/**
	 * Creates a booking. Meeting rooms and offices rely on the exclusion constraint;
	 * desks are serialised per workspace (a transaction-scoped advisory lock) while their
	 * overlapping bookings are counted, so capacity holds under any concurrency.
	 */
	public Result create(NewBooking request, CurrentUser booker, String idempotencyKey, String requestHash) {
		if (idempotencyKey != null) {
			var previous = replay(booker.userId(), idempotencyKey, requestHash);
			if (previous != null) {
				return new Result(previous, true);
			}
		}
		try {
			Booking booking = this.transactions.execute(status -> {
				Booking created = book(request, booker);
				if (idempotencyKey != null) {
					this.jdbc.sql("""
							INSERT INTO idempotency_key (booker_id, key, request_hash, booking_id, created_at)
							VALUES (:b, :k, :h, :id, :now)
							""")
						.param("b", booker.userId())
						.param("k", idempotencyKey)
						.param("h", requestHash)
						.param("id", created.id())
						.param("now", java.sql.Timestamp.from(this.clock.instant()))
						.update();
				}
				return created;
			});
			return new Result(booking, false);
		}
		catch (DataIntegrityViolationException ex) {
			if (idempotencyKey != null && isUniqueViolation(ex)) {
				// the same key raced with itself: the other request won, answer as it did
				Booking previous = replay(booker.userId(), idempotencyKey, requestHash);
				if (previous != null) {
					return new Result(previous, true);
				}
			}
			if (isExclusionViolation(ex)) {
				throw new SlotTaken("This slot is already taken");
			}
			throw ex;
		}
	}

	private Booking replay(UUID bookerId, String key, String requestHash) {
		var previous = this.jdbc
			.sql("SELECT request_hash, booking_id FROM idempotency_key WHERE booker_id = :b AND key = :k")
			.param("b", bookerId)
			.param("k", key)
			.query((rs, i) -> Map.entry(rs.getString("request_hash"), rs.getObject("booking_id", UUID.class)))
			.optional();
		if (previous.isEmpty()) {
			return null;
		}
		if (!previous.get().getKey().equals(requestHash)) {
			throw new BookingRefused("idempotency-key-reused",
					"This Idempotency-Key was already used with a different request");
		}
		return this.bookings.findById(previous.get().getValue()).orElseThrow();
	}

	private Booking book(NewBooking request, CurrentUser booker) {
		CatalogWorkspace workspace = this.catalog.workspace(request.workspaceId())
			.orElseThrow(() -> new NotFoundException("Workspace " + request.workspaceId()));
		if (!workspace.active()) {
			throw new BookingRefused("workspace-inactive", "This workspace cannot be booked at the moment");
		}
		// a member booking their own partner's space would be paid by Worklib for it
		if (this.access.isMember(booker, workspace.partnerId())) {
			throw new BookingRefused("own-workspace",
					"Members of the partner that lists this workspace cannot book it through Worklib; "
							+ "block the slot in your own calendar instead");
		}
		if (request.attendees() != null && workspace.exclusive() && request.attendees() > workspace.capacity()) {
			throw new BookingRefused("too-many-attendees",
					"At most " + workspace.capacity() + " people fit in " + workspace.name());
		}
		Instant now = this.clock.instant();
		SlotRules.Slot slot = SlotRules.check(workspace, request.start(), request.end(), now);
		// one booking at a time per workspace: desks count their places under it, and for
		// rooms it
		// spares PostgreSQL the lock waits (and deadlocks) of many conflicting inserts;
		// the exclusion
		// constraint still guarantees rooms never overlap
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:w, 0))")
			.param("w", workspace.workspaceId().toString())
			.query(Object.class)
			.single();
		if (!workspace.exclusive()) {
			int taken = this.bookings.activeOverlapping(workspace.workspaceId(), request.start(), request.end()).size();
			if (taken >= workspace.capacity()) {
				throw new SlotTaken("All " + workspace.capacity() + " places are taken for this slot");
			}
		}
		var price = Pricing.price(workspace.price(), workspace.unit(), slot.quantity(), workspace.vatRate(),
				workspace.platformFeeBps());
		boolean onRequest = workspace.onRequest();
		Instant expiresAt = null;
		if (onRequest) {
			Instant in72h = now.plus(REQUEST_VALIDITY);
			expiresAt = in72h.isBefore(request.start()) ? in72h : request.start();
		}
		Booking booking = Booking.builder()
			.workspace(workspace.workspaceId(), workspace.establishmentId(), workspace.partnerId(), workspace.name(),
					workspace.exclusive())
			.booker(booker.userId(), booker.firstName(), booker.email(),
					this.bookers.company(booker.userId()).orElse(null))
			.status(onRequest ? BookingStatus.REQUESTED : BookingStatus.CONFIRMED)
			.slot(request.start(), request.end(), slot.serviceDate(), workspace.timezone())
			.attendees(request.attendees(), request.note())
			.price(price)
			.expiresAt(expiresAt)
			.build()
			.writtenAt(now);
		this.bookings.insert(booking);
		publish(booking);
		return booking;
	}

	/** A booking whoever asks: for trusted callers (the mailer's account) only. */
	@Transactional(readOnly = true)
	public java.util.Optional<Booking> find(UUID bookingId) {
		return this.bookings.findById(bookingId);
	}

	@Transactional(readOnly = true)
	public Booking get(UUID bookingId, CurrentUser user) {
		Booking booking = this.bookings.findById(bookingId)
			.orElseThrow(() -> new NotFoundException("Booking " + bookingId));
		if (!booking.bookerId().equals(user.userId())) {
			this.access.requireRead(user, booking.partnerId(), "Booking " + bookingId);
		}
		return booking;
	}

	@Transactional
	public Booking confirm(UUID bookingId, CurrentUser user) {
		Booking booking = lockForPartner(bookingId, user);
		return save(booking.confirmed());
	}

	@Transactional
	public Booking decline(UUID bookingId, String reason, CurrentUser user) {
		Booking booking = lockForPartner(bookingId, user);
		return save(booking.declined(reason));
	}

	@Transactional
	public Booking cancel(UUID bookingId, String reason, CurrentUser user) {
		Booking booking = this.bookings.findByIdForUpdate(bookingId)
			.orElseThrow(() -> new NotFoundException("Booking " + bookingId));
		if (booking.bookerId().equals(user.userId())) {
			return save(booking.cancelledByBooker(reason, this.clock.instant()));
		}
		if (!this.access.isMember(user, booking.partnerId()) && !user.isOps()) {
			throw new NotFoundException("Booking " + bookingId);
		}
		this.access.requireWrite(user, booking.partnerId(), PartnerRole.OWNER, PartnerRole.MANAGER);
		return save(booking.cancelledByPartner(reason));
	}

	/**
	 * Expires requests nobody answered; safe with several replicas (rows are claimed with
	 * SKIP LOCKED).
	 */
	@Transactional
	public int expireDue(int limit) {
		List<Booking> due = this.bookings.dueForExpiry(this.clock.instant(), limit);
		due.forEach(b -> save(b.expired()));
		return due.size();
	}

	private Booking lockForPartner(UUID bookingId, CurrentUser user) {
		Booking booking = this.bookings.findByIdForUpdate(bookingId)
			.orElseThrow(() -> new NotFoundException("Booking " + bookingId));
		if (!this.access.isMember(user, booking.partnerId())) {
			throw booking.bookerId().equals(user.userId())
					? new ForbiddenException("Only the partner's owners and managers answer a request")
					: new NotFoundException("Booking " + bookingId);
		}
		this.access.requireWrite(user, booking.partnerId(), PartnerRole.OWNER, PartnerRole.MANAGER);
		return booking;
	}

	private Booking save(Booking transition) {
		Booking changed = transition.writtenAt(this.clock.instant());
		this.bookings.update(changed);
		publish(changed);
		return changed;
	}

	private void publish(Booking booking) {
		String type = switch (booking.status()) {
			case REQUESTED -> EventTypes.BOOKING_REQUESTED;
			case CONFIRMED -> EventTypes.BOOKING_CONFIRMED;
			case DECLINED -> EventTypes.BOOKING_DECLINED;
			case EXPIRED -> EventTypes.BOOKING_EXPIRED;
			case CANCELLED -> EventTypes.BOOKING_CANCELLED;
		};
		this.events.publish(Topics.BOOKING_BOOKINGS, booking.partnerId().toString(), type, booking.id().toString(),
				booking.toPayload());
	}

	private static boolean isExclusionViolation(Throwable ex) {
		return sqlState(ex, "23P01");
	}

	private static boolean isUniqueViolation(Throwable ex) {
		return sqlState(ex, "23505");
	}

	private static boolean sqlState(Throwable ex, String state) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && state.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
