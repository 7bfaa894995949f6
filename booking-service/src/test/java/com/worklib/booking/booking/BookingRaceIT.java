package com.worklib.booking.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.worklib.booking.BookingIT;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 200 people click "book" for the same slot at the same moment, on real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BookingIT.Clocks.class)
@WithPostgres
@WithKafka
class BookingRaceIT extends BookingIT {

	@Autowired
	BookingService bookings;

	@Test
	void twoHundredConcurrentRequestsForOneMeetingRoomSlotGiveExactlyOneBooking() throws Exception {
		UUID room = workspace(venue(), "MEETING_ROOM", 8, "INSTANT", "HOUR", 3500);
		Outcome outcome = race(room, 200);
		assertThat(outcome.created()).isEqualTo(1);
		assertThat(outcome.conflicts()).isEqualTo(199);
		assertThat(active(room)).isEqualTo(1);
	}

	@Test
	void twoHundredConcurrentRequestsForADeskOfCapacityTenGiveExactlyTen() throws Exception {
		UUID desk = workspace(venue(), "DESK", 10, "INSTANT", "HOUR", 450);
		Outcome outcome = race(desk, 200);
		assertThat(outcome.created()).isEqualTo(10);
		assertThat(outcome.conflicts()).isEqualTo(190);
		assertThat(active(desk)).isEqualTo(10);
	}

	@Test
	void theDatabaseItselfRefusesOverlappingRoomBookingsWhateverTheCodeDoes() {
		UUID room = UUID.randomUUID();
		String insert = """
				INSERT INTO booking (id, workspace_id, establishment_id, partner_id, booker_id, status, exclusive, start_at,
				  end_at, service_date, timezone, workspace_name, price_unit, quantity, currency, unit_price_minor,
				  amount_excl_vat_minor, vat_rate_bps, vat_minor, amount_incl_vat_minor, platform_fee_minor,
				  customer_incl_vat_minor, version, created_at, updated_at)
				VALUES (gen_random_uuid(), :room, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), :status, true,
				  :start::timestamptz, :end::timestamptz, '2030-01-01', 'Europe/Paris', 'Salle', 'HOUR', 1, 'EUR', 1, 1, 0,
				  0, 1, 0, 1, 1, now(), now())
				""";
		this.jdbc.sql(insert)
			.param("room", room)
			.param("status", "CONFIRMED")
			.param("start", "2030-01-01T09:00:00Z")
			.param("end", "2030-01-01T10:00:00Z")
			.update();
		assertThatThrownBy(() -> this.jdbc.sql(insert)
			.param("room", room)
			.param("status", "REQUESTED")
			.param("start", "2030-01-01T09:30:00Z")
			.param("end", "2030-01-01T10:30:00Z")
			.update()).hasMessageContaining("booking_no_overlap");
		// touching ranges and cancelled bookings do not conflict
		this.jdbc.sql(insert)
			.param("room", room)
			.param("status", "CONFIRMED")
			.param("start", "2030-01-01T10:00:00Z")
			.param("end", "2030-01-01T11:00:00Z")
			.update();
		this.jdbc.sql(insert)
			.param("room", room)
			.param("status", "CANCELLED")
			.param("start", "2030-01-01T09:00:00Z")
			.param("end", "2030-01-01T10:00:00Z")
			.update();
	}

	record Outcome(int created, int conflicts) {
	}

	Outcome race(UUID workspace, int clients) throws Exception {
		ZoneId paris = ZoneId.of("Europe/Paris");
		LocalDate day = LocalDate.now(this.clock.withZone(paris)).plusDays(7);
		var request = new BookingService.NewBooking(workspace, day.atTime(10, 0).atZone(paris).toInstant(),
				day.atTime(12, 0).atZone(paris).toInstant(), null, null);
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			CurrentUser employee = new CurrentUser(UUID.randomUUID(), null, Set.of("employee"));
			tasks.add(() -> {
				try {
					this.bookings.create(request, employee, null, null);
					return 201;
				}
				catch (SlotTaken ex) {
					return 409;
				}
			});
		}
		int created = 0;
		int conflicts = 0;
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			for (Future<Integer> result : pool.invokeAll(tasks)) {
				int status = result.get();
				if (status == 201) {
					created++;
				}
				else if (status == 409) {
					conflicts++;
				}
			}
		}
		return new Outcome(created, conflicts);
	}

	long active(UUID workspace) {
		return this.jdbc
			.sql("SELECT count(*) FROM booking WHERE workspace_id = :w AND status IN ('REQUESTED', 'CONFIRMED')")
			.param("w", workspace)
			.query(Long.class)
			.single();
	}

}
