package com.worklib.systemtests;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.worklib.systemtests.BookingLoad.Answer;
import com.worklib.systemtests.BookingLoad.Kind;
import com.worklib.systemtests.FaultDrills.Drill;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault suite (docs/reliability.md, {@link FaultDrills}): clients book through
 * the gateway at a steady rate while one part of the platform fails, then every invariant
 * is checked once it is quiet again. The faults are crashes, not polite stops:
 * {@code kill -9} and PostgreSQL's immediate shutdown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PlatformExtension.class)
// last: it crashes the platform's parts, and proves they all came back
@Order(Integer.MAX_VALUE)
class FaultToleranceIT {

	static FaultDrills drills;

	@BeforeAll
	static void aPartnerWithSixRoomsAndFourBookers() throws Exception {
		drills = FaultDrills.aPartnerWithSixRoomsAndFourBookers();
	}

	@AfterAll
	static void writeTheFigures() throws Exception {
		if (drills != null) {
			drills.close();
			drills.writeTheFigures("fault-tolerance.md", List.of());
		}
	}

	@Test
	@Order(1)
	void kafkaKilledFor20SecondsLosesNoEventAndBookingsGoOn() throws Exception {
		kafkaKilledFor20Seconds(drills);
	}

	@Test
	@Order(2)
	void postgresStoppedImmediatelyFor30SecondsLosesNoAnsweredBooking() throws Exception {
		postgresStoppedImmediatelyFor30Seconds(drills);
	}

	@Test
	@Order(3)
	void bookingServiceKilledWhileClientsBookLosesNothing() throws Exception {
		bookingServiceKilled(drills);
	}

	@Test
	@Order(4)
	void aStoppedServiceAnswers503WithinTheTimeoutAndEveryOtherRouteKeepsAnswering() throws Exception {
		billingServiceStopped(drills);
	}

	/** Fault 1. */
	static void kafkaKilledFor20Seconds(FaultDrills drills) throws Exception {
		Drill drill = drills.drill("Kafka kill -9, 20 s", () -> Platform.killService("kafka"), Duration.ofSeconds(20),
				() -> Platform.startService("kafka"));
		// the broker is not on the booking path: clients never noticed
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("answers that said try again").isZero();
		drill.report();
	}

	/** Fault 3. */
	static void postgresStoppedImmediatelyFor30Seconds(FaultDrills drills) throws Exception {
		Drill drill = drills.drill("PostgreSQL immediate stop, 30 s", () -> Platform.killService("postgres"),
				Duration.ofSeconds(30), () -> Platform.startService("postgres"));
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("no database: clients are told to try again")
			.isPositive();
		drill.report();
	}

	/** Fault 4. */
	static void bookingServiceKilled(FaultDrills drills) throws Exception {
		Drill drill = drills.drill("booking-service kill -9", () -> Platform.killService("booking-service"),
				Duration.ZERO, () -> Platform.startService("booking-service"));
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).isPositive();
		drill.report();
	}

	/** Fault 7. */
	static void billingServiceStopped(FaultDrills drills) throws Exception {
		Map<String, List<Answer>> probes = new HashMap<>();
		Drill drill = drills.drill("billing-service stopped", () -> {
			Platform.stopService("billing-service");
			probes.putAll(probeEveryApi(drills, 5));
		}, Duration.ZERO, () -> Platform.startService("billing-service"));
		probes.forEach((api, answers) -> {
			for (Answer answer : answers) {
				if ("billing".equals(api)) {
					assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
					assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
					assertThat(Duration.ofNanos(answer.tookNanos())).as("within the gateway's 10 s timeout")
						.isLessThan(Duration.ofSeconds(10));
				}
				else {
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				}
			}
		});
		assertThat(drill.during().getOrDefault(Kind.RETRY, 0)).as("bookings do not need billing to answer").isZero();
		drill.report();
		assertThat(Ledger.readModelDifferences()).as("every read model equals its source").isEmpty();
	}

	static final List<String> APIS = List.of("identity", "venues", "bookings", "billing", "payments", "notifications");

	/** {@code rounds} times, a second apart: every API's whoami with a booker's token. */
	static Map<String, List<Answer>> probeEveryApi(FaultDrills drills, int rounds) {
		Map<String, List<Answer>> probes = new HashMap<>();
		String token = drills.load.bookers().getFirst().token();
		for (int round = 0; round < rounds; round++) {
			for (String api : APIS) {
				probes.computeIfAbsent(api, k -> new ArrayList<>())
					.add(BookingLoad.call("GET " + api + " whoami", drills.load.phase(), () -> token,
							HttpRequest.newBuilder(BookingLoad.uri("/api/" + api + "/v1/whoami"))));
			}
			BookingLoad.sleep(Duration.ofSeconds(1));
		}
		return probes;
	}

}
