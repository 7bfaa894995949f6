package com.worklib.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * What the host was like while a figure was measured, printed next to it. This machine's
 * two vCPUs are shared: the same code measured 2.5 times slower on one day than on
 * another, so a figure without the host's state cannot be compared with another one. Used
 * by the {@code benchmarks} module and the fault suite's benchmark in
 * {@code system-tests}.
 * <ul>
 * <li>{@link #calibrate()}: how long one core takes for a fixed piece of work (sorting
 * random boxed numbers), before any service starts; lower is a faster core.</li>
 * <li>{@link #cpu()} before and after a measurement: how busy both cores were and how
 * much time the hypervisor gave to other guests ({@code steal} in {@code /proc/stat}),
 * which the services measured never saw.</li>
 * </ul>
 */
public final class HostConditions {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private HostConditions() {
	}

	/**
	 * Best of five: sorting 1,000,000 random boxed longs on one thread, in milliseconds.
	 * Objects and comparisons, like server code; a primitive array would measure the
	 * CPU's vector sort instead.
	 */
	public static String calibrate() {
		Long[] source = new SplittableRandom(42).longs(1_000_000).boxed().toArray(Long[]::new);
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			Long[] copy = source.clone();
			long begin = System.nanoTime();
			Arrays.sort(copy);
			best = Math.min(best, System.nanoTime() - begin);
		}
		return "host: %d CPUs, one core sorts 1,000,000 boxed longs in %d ms (best of 5; lower is faster)"
			.formatted(Runtime.getRuntime().availableProcessors(), best / 1_000_000);
	}

	/**
	 * CPU time the benchmark's own JVM has used so far: the load generator, and the
	 * embedded Kafka broker that runs in the same JVM.
	 */
	public static Duration clientCpuTime() {
		return ProcessHandle.current()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
	}

	/**
	 * CPU time used so far by the PostgreSQL processes alive now (the server and its
	 * backends; a backend that ended took its count with it, so measure over a window in
	 * which the pools keep their connections).
	 */
	public static Duration postgresCpuTime() {
		return ProcessHandle.allProcesses()
			.map(ProcessHandle::info)
			.filter(info -> info.command().map(c -> c.endsWith("/postgres")).orElse(false))
			.map(info -> info.totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * Starts a measured window over the named processes' CPU time counters (in the order
	 * given) and the host's.
	 */
	public static Window window(Map<String, Supplier<Duration>> processes) {
		Map<String, Duration> start = new LinkedHashMap<>();
		processes.forEach((name, cpuTime) -> start.put(name, cpuTime.get()));
		return new Window(processes, start, cpu());
	}

	/** A measured window: {@link #end} says what each process spent per request in it. */
	public record Window(Map<String, Supplier<Duration>> processes, Map<String, Duration> start, Cpu host) {

		/**
		 * "CPU per request: <process> x ms, …" for {@code requests} requests, and the
		 * host's busy and steal shares over the window.
		 */
		public String end(long requests) {
			Cpu hostNow = cpu();
			StringJoiner perRequest = new StringJoiner(", ", "CPU per request: ", "; ");
			this.processes.forEach((name, cpuTime) -> perRequest.add("%s %.2f ms".formatted(name,
					cpuTime.get().minus(this.start.get(name)).toNanos() / 1e6 / requests)));
			return perRequest + hostNow.since(this.host);
		}

	}

	/** The host's CPU counters now; {@link Cpu#since} compares two of them. */
	public static Cpu cpu() {
		long now = System.nanoTime();
		try {
			String line = Files.readAllLines(PROC_STAT).get(0);
			long[] jiffies = Arrays.stream(line.substring("cpu".length()).trim().split("\\s+"))
				.mapToLong(Long::parseLong)
				.toArray();
			return new Cpu(jiffies, now);
		}
		catch (IOException | RuntimeException ex) {
			return new Cpu(null, now);
		}
	}

	/**
	 * {@code /proc/stat}'s first line (user, nice, system, idle, iowait, irq, softirq,
	 * steal, … in 1/100 s) and when it was read.
	 * <p>
	 * Busy time is counted from what is <em>not</em> idle, against the wall clock. The
	 * busy columns are sampled at the timer tick, and a tickless kernel (this VM's)
	 * misses the short bursts of a lightly loaded server: on one run their sum covered
	 * less than half of the CPU time the processes themselves reported. Idle time is
	 * measured exactly, and steal is caught up at the next tick.
	 */
	public record Cpu(long[] jiffies, long nanoTime) {

		public String since(Cpu before) {
			if (this.jiffies == null || before.jiffies == null || this.jiffies.length < 8) {
				return "host CPU: not readable here (no /proc/stat)";
			}
			double capacity = (this.nanoTime - before.nanoTime) / 1e7 * Runtime.getRuntime().availableProcessors();
			if (capacity <= 0) {
				return "host CPU: no time passed";
			}
			long idle = (this.jiffies[3] - before.jiffies[3]) + (this.jiffies[4] - before.jiffies[4]);
			long steal = this.jiffies[7] - before.jiffies[7];
			double busy = Math.max(0, 100.0 * (capacity - idle - steal) / capacity);
			return "host CPU during the measurement: %.0f %% busy, %.1f %% stolen by other guests".formatted(busy,
					100.0 * steal / capacity);
		}

	}

}
