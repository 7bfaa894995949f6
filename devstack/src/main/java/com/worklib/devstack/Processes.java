package com.worklib.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.worklib.platform.test.FreePorts;

/** Starting, waiting for and stopping child processes. */
final class Processes {

	private Processes() {
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static void awaitPort(Process process, int port, Duration timeout, String what, Path logFile) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + logFile);
			}
			if (FreePorts.isListening(port)) {
				return;
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(
				what + " did not listen on " + port + " within " + timeout + "; see " + logFile);
	}

	/** Waits until {@code url} answers 200 (a readiness probe). */
	static void awaitHttpOk(Process process, String url, Duration timeout, String what, Path logFile) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			while (System.nanoTime() < deadline) {
				if (process != null && !process.isAlive()) {
					throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + logFile);
				}
				try {
					HttpResponse<Void> response = http.send(
							HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not up yet
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				sleep(Duration.ofMillis(500));
			}
		}
		throw new IllegalStateException(what + " was not ready within " + timeout + "; see " + logFile);
	}

	/**
	 * SIGTERM to the process and its descendants, then SIGKILL to what is left after the
	 * grace period.
	 */
	static void stop(Process process, Duration grace) {
		if (process == null) {
			return;
		}
		stop(process.toHandle(), grace);
	}

	static void stop(ProcessHandle handle, Duration grace) {
		stopAll(List.of(handle), grace);
	}

	/**
	 * SIGTERM to every process and descendant at once, then waits; SIGKILL after the
	 * grace period.
	 */
	static void stopAll(List<ProcessHandle> handles, Duration grace) {
		List<ProcessHandle> tree = new ArrayList<>();
		for (ProcessHandle handle : handles) {
			tree.addAll(handle.descendants().toList());
			tree.add(handle);
		}
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle p : tree) {
			try {
				p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				p.destroyForcibly();
			}
		}
	}

	/** SIGKILL to the process and its descendants, and wait until they are gone. */
	static void kill(ProcessHandle handle) {
		List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
		tree.add(handle);
		tree.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle p : tree) {
			try {
				p.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("pid " + p.pid() + " survived SIGKILL", ex);
			}
		}
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

}
