package com.worklib.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.worklib.systemtests.BookingLoad.Answer;
import com.worklib.systemtests.BookingLoad.Booker;
import com.worklib.systemtests.BookingLoad.Kind;

/**
 * The fault suite's soak (docs/reliability.md): the traffic of a working day through the
 * gateway (search, availability, book, cancel, my bookings, the partner's table and
 * statement) for half an hour, and what every service holds at the start and the end:
 * heap after a full collection, threads, database connections, open files. A leak shows
 * as a drift between the two.
 */
final class Soak implements AutoCloseable {

	/** The requests of the mix, in the order of {@link #route(long)}. */
	static final List<String> ROUTES = List.of("GET search", "GET availability", "POST bookings",
			"POST bookings/cancel", "GET me/bookings", "GET partner bookings", "GET partner statement");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern BOOKING_ID = Pattern.compile("\"bookingId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final List<Booker> bookers;

	private final Booker ops;

	private final String partnerId;

	private final List<String> workspaces;

	private final LocalDate firstDay;

	/** Slots nobody holds, and bookings held (id and slot), oldest first. */
	private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedDeque<Held> held = new ConcurrentLinkedDeque<>();

	private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();

	private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong inFlight = new AtomicLong();

	private final List<Answer> broken = new ArrayList<>();

	record Slot(String workspaceId, String start, String end) {
	}

	record Held(String bookingId, Booker booker, Slot slot) {
	}

	/** The latencies and answer kinds of one route. */
	static final class Recorder {

		private long[] nanos = new long[1024];

		private int size;

		private final Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);

		/** The statuses of the answers that were not a success. */
		private final Map<Integer, Integer> statuses = new TreeMap<>();

		synchronized void add(Answer answer) {
			if (this.size == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
			}
			this.nanos[this.size++] = answer.tookNanos();
			this.kinds.merge(answer.kind(), 1, Integer::sum);
			if (answer.kind() != Kind.SUCCESS) {
				this.statuses.merge(answer.status(), 1, Integer::sum);
			}
		}

		synchronized int count() {
			return this.size;
		}

		synchronized String row(String route) {
			long[] sorted = Arrays.copyOf(this.nanos, this.size);
			Arrays.sort(sorted);
			return "| %s | %d | %s | %s | %s %s |".formatted(route, this.size, millis(percentile(sorted, 0.50)),
					millis(percentile(sorted, 0.99)), this.kinds,
					this.statuses.isEmpty() ? "" : "statuses " + this.statuses);
		}

		private static long percentile(long[] sorted, double p) {
			return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
		}

		private static String millis(long nanos) {
			return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
		}

	}

	Soak(List<Booker> bookers, Booker ops, String partnerId, List<String> workspaces, LocalDate firstDay) {
		this.bookers = bookers;
		this.ops = ops;
		this.partnerId = partnerId;
		this.workspaces = workspaces;
		this.firstDay = firstDay;
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		for (LocalDate day = firstDay; this.free.size() < 20_000; day = day.plusDays(1)) {
			if (day.getDayOfWeek().getValue() >= 6) {
				continue;
			}
			for (int hour = 8; hour < 19; hour++) {
				for (String workspace : workspaces) {
					this.free.add(new Slot(workspace,
							ZonedDateTime.of(day, LocalTime.of(hour, 0), FaultDrills.PARIS).format(iso),
							ZonedDateTime.of(day, LocalTime.of(hour + 1, 0), FaultDrills.PARIS).format(iso)));
				}
			}
		}
	}

	/**
	 * Closed loop, {@code clients} at once, each sending its next request when the last
	 * is answered: the requests per second the platform sustains with this mix.
	 */
	double capacity(int clients, Duration during) {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong answered = new AtomicLong();
		List<Thread> loops = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			loops.add(Thread.ofVirtual().start(() -> {
				while (running.get()) {
					Answer answer = send(this.sequence.getAndIncrement(), "capacity");
					if (answer.kind() == Kind.SUCCESS || answer.kind() == Kind.REFUSED) {
						answered.incrementAndGet();
					}
				}
			}));
		}
		long begin = System.nanoTime();
		BookingLoad.sleep(during);
		long counted = answered.get();
		double seconds = (System.nanoTime() - begin) / 1e9;
		running.set(false);
		loops.forEach(t -> {
			try {
				t.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.recorders.clear();
		return counted / seconds;
	}

	/** Open loop at {@code perSecond} for {@code during}. */
	void run(double perSecond, Duration during) {
		ScheduledExecutorService ticker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
		ticker.scheduleAtFixedRate(() -> {
			long n = this.sequence.getAndIncrement();
			this.inFlight.incrementAndGet();
			this.requests.submit(() -> {
				try {
					send(n, "soak");
				}
				finally {
					this.inFlight.decrementAndGet();
				}
			});
		}, 0, (long) (1e9 / perSecond), TimeUnit.NANOSECONDS);
		BookingLoad.sleep(during);
		ticker.shutdownNow();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			BookingLoad.sleep(Duration.ofMillis(100));
		}
	}

	/**
	 * One request of the mix: 2 in 10 searches, 2 availabilities, 2 bookings, 2
	 * cancellations of the oldest booking held (a booking when fewer than 200 are held),
	 * 1 list of my bookings, 1 of the partner's table or statement (as ops).
	 */
	private Answer send(long n, String phase) {
		Booker booker = this.bookers.get((int) (n % this.bookers.size()));
		String workspace = this.workspaces.get((int) (n / 10 % this.workspaces.size()));
		int slot = (int) (n % 10);
		Answer answer;
		if (slot < 2) {
			answer = get(ROUTES.get(0), booker, "/api/venues/v1/search?city=" + FaultDrills.CITY, phase);
		}
		else if (slot < 4) {
			LocalDate date = this.firstDay.plusDays(n % 20);
			answer = get(ROUTES.get(1), booker,
					"/api/bookings/v1/workspaces/" + workspace + "/availability?date=" + date, phase);
		}
		else if (slot < 6 || (slot < 8 && this.held.size() < 200)) {
			answer = book(booker, phase);
		}
		else if (slot < 8) {
			answer = cancel(phase);
		}
		else if (slot == 8) {
			answer = get(ROUTES.get(4), booker, "/api/bookings/v1/me/bookings", phase);
		}
		else if (n / 10 % 2 == 0) {
			answer = get(ROUTES.get(5), this.ops, "/api/bookings/v1/partners/" + this.partnerId + "/bookings?from="
					+ this.firstDay + "&to=" + this.firstDay.plusDays(30), phase);
		}
		else {
			answer = get(ROUTES.get(6), this.ops, "/api/billing/v1/partners/" + this.partnerId + "/statements/"
					+ this.firstDay.toString().substring(0, 7), phase);
		}
		this.recorders.computeIfAbsent(answer.route(), r -> new Recorder()).add(answer);
		if (answer.kind() == Kind.BROKEN) {
			synchronized (this.broken) {
				this.broken.add(answer);
			}
		}
		return answer;
	}

	private Answer get(String route, Booker booker, String path, String phase) {
		return BookingLoad.call(route, phase, booker::token, HttpRequest.newBuilder(BookingLoad.uri(path)));
	}

	private Answer book(Booker booker, String phase) {
		Slot slot = this.free.poll();
		if (slot == null) {
			throw new IllegalStateException("the soak ran out of free slots");
		}
		Answer answer = BookingLoad.call(ROUTES.get(2), phase, booker::token,
				HttpRequest.newBuilder(BookingLoad.uri("/api/bookings/v1/bookings"))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(HttpRequest.BodyPublishers.ofString(Client.JSON.writeValueAsString(Map.of("workspaceId",
							slot.workspaceId(), "start", slot.start(), "end", slot.end(), "note", "soak")))));
		Matcher id = answer.kind() == Kind.SUCCESS ? BOOKING_ID.matcher(answer.body()) : null;
		if (id != null && id.find()) {
			this.held.add(new Held(id.group(1), booker, slot));
		}
		else {
			this.free.add(slot);
		}
		return answer;
	}

	private Answer cancel(String phase) {
		Held oldest = this.held.poll();
		if (oldest == null) {
			return book(this.bookers.getFirst(), phase);
		}
		Answer answer = BookingLoad.call(ROUTES.get(3), phase, oldest.booker()::token,
				HttpRequest.newBuilder(BookingLoad.uri("/api/bookings/v1/bookings/" + oldest.bookingId() + "/cancel"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"soak\"}")));
		if (answer.kind() == Kind.SUCCESS) {
			this.free.add(oldest.slot());
		}
		else {
			this.held.addFirst(oldest);
		}
		return answer;
	}

	/** Answers that were neither a success, a refusal nor a problem saying try again. */
	List<Answer> broken() {
		synchronized (this.broken) {
			return List.copyOf(this.broken);
		}
	}

	/** "| route | requests | p50 | p99 | answers |" per route. */
	List<String> latencyRows() {
		List<String> rows = new ArrayList<>(
				List.of("| route | requests | p50 | p99 | answers |", "|---|---|---|---|---|"));
		for (String route : ROUTES) {
			Recorder recorder = this.recorders.get(route);
			if (recorder != null) {
				rows.add(recorder.row(route));
			}
		}
		return rows;
	}

	long requests() {
		return this.recorders.values().stream().mapToLong(Recorder::count).sum();
	}

	/**
	 * What one service holds: heap after a full collection, threads, connections, files.
	 */
	record Resources(long heapAfterGcBytes, long threads, long dbConnections, long openFiles) {

		String cells() {
			return "%d MB | %d | %d | %d".formatted(this.heapAfterGcBytes >> 20, this.threads, this.dbConnections,
					this.openFiles);
		}

	}

	/**
	 * Every service's resources: a full collection first ({@code jcmd GC.run}, so that
	 * the heap figure is what is live, not what garbage happens to be waiting), then its
	 * Prometheus metrics.
	 */
	static Map<String, Resources> resources() throws Exception {
		Map<String, Resources> all = new LinkedHashMap<>();
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		List<String> names = List.of("identity-service", "venue-service", "booking-service", "billing-service",
				"payment-service", "notification-service");
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			long pid = Long.parseLong(Files.readString(Platform.HOME.resolve("pids").resolve(name + ".pid")).trim());
			Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
				.start();
			gc.getInputStream().readAllBytes();
			gc.waitFor(60, TimeUnit.SECONDS);
			Map<String, Double> metrics = prometheus(Platform.SERVICE_PORTS.get(i));
			all.put(name,
					new Resources(sum(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
							sum(metrics, "jvm_threads_live_threads", ""), sum(metrics, "hikaricp_connections", ""),
							sum(metrics, "process_files_open_files", "")));
		}
		return all;
	}

	private static Map<String, Double> prometheus(int port) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		Map<String, Double> metrics = new TreeMap<>();
		for (String line : response.body().split("\n")) {
			if (!line.startsWith("#") && !line.isBlank()) {
				int space = line.lastIndexOf(' ');
				metrics.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
			}
		}
		return metrics;
	}

	/** The sum of a metric's series whose labels contain {@code label}. */
	private static long sum(Map<String, Double> metrics, String name, String label) {
		return (long) metrics.entrySet()
			.stream()
			.filter(e -> (e.getKey().equals(name) || e.getKey().startsWith(name + "{")) && e.getKey().contains(label))
			.mapToDouble(Map.Entry::getValue)
			.sum();
	}

	@Override
	public void close() {
		this.requests.shutdownNow();
	}

}
