package com.worklib.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Clients booking through the gateway at a steady, open-loop rate (a slow answer never
 * slows the next request), each booking with its own {@code Idempotency-Key}, plus the
 * reads around it. Every answer is kept with the phase it was sent in; {@link #settle}
 * then does what a well-behaved client does with an answer that says "try again": the
 * same request, same key, once the platform is back.
 */
final class BookingLoad implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);

	/** How a client must read an answer. */
	enum Kind {

		/** 2xx: it can rely on it. */
		SUCCESS,
		/** 409 problem: the slot is taken, a final answer. */
		REFUSED,
		/** 429, 502, 503 or 504 with a problem body: try again later. */
		RETRY,
		/** Anything else: a 500, an error without a problem body, a broken connection. */
		BROKEN

	}

	/** One answer to one request. */
	record Answer(String route, String phase, int status, String contentType, String body, String error, long sentNanos,
			long tookNanos) {

		Kind kind() {
			boolean problem = this.contentType != null && this.contentType.startsWith("application/problem+json");
			if (this.error != null) {
				return Kind.BROKEN;
			}
			if (this.status >= 200 && this.status < 300) {
				return Kind.SUCCESS;
			}
			if (this.status == 409 && problem) {
				return Kind.REFUSED;
			}
			if ((this.status == 429 || this.status == 502 || this.status == 503 || this.status == 504) && problem) {
				return Kind.RETRY;
			}
			return Kind.BROKEN;
		}

		@Override
		public String toString() {
			return this.route + " [" + this.phase + "] -> " + (this.error != null ? this.error
					: this.status + " " + this.contentType + " " + abbreviate(this.body));
		}

	}

	/** A booker: logs in again before the 5-minute access token runs out. */
	static final class Booker {

		final String email;

		private final String password;

		private String token;

		private long tokenAt;

		Booker(String email, String password) {
			this.email = email;
			this.password = password;
		}

		/** A new token now: one that will outlast a Keycloak outage of a few minutes. */
		synchronized void refresh() {
			this.token = null;
			token();
		}

		synchronized String token() {
			if (this.token == null || System.nanoTime() - this.tokenAt > Duration.ofMinutes(3).toNanos()) {
				this.token = Client.login(this.email, this.password).token();
				this.tokenAt = System.nanoTime();
			}
			return this.token;
		}

	}

	/** One booking request: its slot, its key, and every answer it got. */
	static final class Booking {

		final String key = UUID.randomUUID().toString();

		final Booker booker;

		final String workspaceId;

		final String start;

		final String end;

		/** Sent for a slot another booker already holds: it must be refused. */
		final boolean conflict;

		final List<Answer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();

		Booking(Booker booker, String workspaceId, String start, String end, boolean conflict) {
			this.booker = booker;
			this.workspaceId = workspaceId;
			this.start = start;
			this.end = end;
			this.conflict = conflict;
		}

		Answer first() {
			return this.answers.getFirst();
		}

		Answer last() {
			return this.answers.getLast();
		}

		/** The booking id of the last successful answer, or null. */
		String bookingId() {
			Answer last = last();
			return last.kind() == Kind.SUCCESS ? Client.JSON.readTree(last.body()).get("bookingId").asString() : null;
		}

		String body() {
			return Client.JSON.writeValueAsString(Map.of("workspaceId", this.workspaceId, "start", this.start, "end",
					this.end, "note", "fault-suite " + this.key));
		}

	}

	private final List<Booker> bookers;

	private final List<String> workspaceIds;

	private final String searchCity;

	private final Queue<Booking> bookings = new ConcurrentLinkedQueue<>();

	private final Queue<Answer> reads = new ConcurrentLinkedQueue<>();

	private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong nextSlot = new AtomicLong();

	private final AtomicLong inFlight = new AtomicLong();

	/** Bookings answered 201 on their first try, in the order of their answers. */
	private final List<Booking> succeeded = Collections.synchronizedList(new ArrayList<>());

	private final List<String[]> slots = new ArrayList<>();

	private volatile String phase = "before";

	private ScheduledExecutorService ticker;

	/**
	 * @param firstDay the first day slots are taken on; one-hour slots from 08:00 to
	 * 19:00 on weekdays, every workspace, in order
	 */
	BookingLoad(List<Booker> bookers, List<String> workspaceIds, String searchCity, ZoneId zone, LocalDate firstDay) {
		this.bookers = bookers;
		this.workspaceIds = workspaceIds;
		this.searchCity = searchCity;
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		for (LocalDate day = firstDay; this.slots.size() < 20_000; day = day.plusDays(1)) {
			if (day.getDayOfWeek().getValue() >= 6) {
				continue;
			}
			for (int hour = 8; hour < 19; hour++) {
				for (String workspace : workspaceIds) {
					this.slots
						.add(new String[] { workspace, ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).format(iso),
								ZonedDateTime.of(day, LocalTime.of(hour + 1, 0), zone).format(iso) });
				}
			}
		}
	}

	/**
	 * Sends {@code bookingsPerSecond} bookings (one in eight for a slot already taken)
	 * and one read per second, until {@link #pause}.
	 */
	synchronized void run(int bookingsPerSecond) {
		pause();
		this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
		this.ticker.scheduleAtFixedRate(this::tick, 0, 1_000_000 / bookingsPerSecond, TimeUnit.MICROSECONDS);
	}

	/** Labels the answers to requests sent from now on. */
	void phase(String name) {
		this.phase = name;
	}

	String phase() {
		return this.phase;
	}

	/** Stops sending, and waits for the answers still on their way. */
	synchronized void pause() {
		if (this.ticker == null) {
			return;
		}
		this.ticker.shutdownNow();
		this.ticker = null;
		long deadline = System.nanoTime() + CLIENT_TIMEOUT.plusSeconds(5).toNanos();
		while (inFlight() > 0 && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(100));
		}
	}

	long inFlight() {
		return this.inFlight.get();
	}

	private void tick() {
		long n = this.sequence.getAndIncrement();
		Booker booker = this.bookers.get((int) (n % this.bookers.size()));
		Booking booking;
		Booking taken = n % 8 == 7 ? aBookingHeld(n / 8) : null;
		if (taken != null) {
			Booker other = this.bookers.get((this.bookers.indexOf(taken.booker) + 1) % this.bookers.size());
			booking = new Booking(other, taken.workspaceId, taken.start, taken.end, true);
		}
		else {
			String[] slot = this.slots.get((int) this.nextSlot.getAndIncrement());
			booking = new Booking(booker, slot[0], slot[1], slot[2], false);
		}
		this.bookings.add(booking);
		String phase = this.phase;
		submit(() -> {
			Answer answer = book(booking, phase);
			booking.answers.add(answer);
			if (!booking.conflict && answer.kind() == Kind.SUCCESS) {
				this.succeeded.add(booking);
			}
		});
		if (n % 4 == 0) {
			submit(() -> this.reads.add(
					n % 8 == 0
							? call("GET search", phase, null,
									HttpRequest.newBuilder(
											uri("/api/venues/v1/search?city=" + Client.encode(this.searchCity))))
							: call("GET me/bookings", phase, booker::token,
									HttpRequest.newBuilder(uri("/api/bookings/v1/me/bookings")))));
		}
	}

	/** One of the bookings that succeeded so far, or null if none has yet. */
	private Booking aBookingHeld(long n) {
		synchronized (this.succeeded) {
			return this.succeeded.isEmpty() ? null : this.succeeded.get((int) (n % this.succeeded.size()));
		}
	}

	private void submit(Runnable request) {
		this.inFlight.incrementAndGet();
		this.requests.submit(() -> {
			try {
				request.run();
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		});
	}

	Answer book(Booking booking, String phase) {
		return call("POST bookings", phase, booking.booker::token,
				HttpRequest.newBuilder(uri("/api/bookings/v1/bookings"))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", booking.key)
					.POST(HttpRequest.BodyPublishers.ofString(booking.body())));
	}

	/**
	 * What a client does once the platform is back: every booking whose last answer said
	 * "try again" is sent again, same key, until it gets a final answer.
	 */
	void settle(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		for (Booking booking : this.bookings) {
			while (booking.last().kind() == Kind.RETRY && System.nanoTime() < deadline) {
				sleep(Duration.ofMillis(booking.answers.size() > 1 ? 500 : 0));
				booking.answers.add(book(booking, "settle"));
			}
		}
	}

	/** The route answered, in the phase: sent, and how many answers of each kind. */
	Map<Kind, Integer> answersIn(String phase, String route) {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		for (Answer answer : answers()) {
			if (answer.phase().equals(phase) && (route == null || answer.route().equals(route))) {
				counts.merge(answer.kind(), 1, Integer::sum);
			}
		}
		return counts;
	}

	List<Answer> answers() {
		List<Answer> all = new ArrayList<>(this.reads);
		this.bookings.forEach(b -> all.addAll(b.answers));
		return all;
	}

	List<Booking> bookings() {
		return List.copyOf(this.bookings);
	}

	List<Booker> bookers() {
		return this.bookers;
	}

	static tools.jackson.databind.JsonNode json(String body) {
		return Client.JSON.readTree(body);
	}

	static Answer call(String route, String phase, Supplier<String> token, HttpRequest.Builder builder) {
		builder.timeout(CLIENT_TIMEOUT);
		long sent = System.nanoTime();
		try {
			if (token != null) {
				builder.header("Authorization", "Bearer " + token.get());
			}
			HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(route, phase, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null),
					new String(response.body(), StandardCharsets.UTF_8), null, sent, System.nanoTime() - sent);
		}
		catch (java.io.IOException | RuntimeException ex) {
			return new Answer(route, phase, 0, null, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), sent,
					System.nanoTime() - sent);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static URI uri(String path) {
		return URI.create(Platform.GATEWAY + path);
	}

	static String abbreviate(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		pause();
		this.requests.shutdownNow();
	}

}
