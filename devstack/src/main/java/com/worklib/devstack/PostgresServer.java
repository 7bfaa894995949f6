package com.worklib.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import com.worklib.platform.test.PostgresSupport;

/**
 * The stack's PostgreSQL: zonky's embedded server, plus what a failure drill needs. A
 * crash is {@code pg_ctl stop -m immediate} (no checkpoint: the WAL is replayed on the
 * next start), and {@code pg_ctl restart} starts the postmaster again with the command
 * line it recorded in {@code postmaster.opts}. Both run under {@code unshare -U} when
 * zonky does (as root, which PostgreSQL refuses).
 */
final class PostgresServer implements AutoCloseable {

	private final Path data;

	private final int port;

	private final Path logFile;

	private final EmbeddedPostgres embedded;

	private boolean restarted;

	private PostgresServer(Path data, int port, Path logFile, EmbeddedPostgres embedded) {
		this.data = data;
		this.port = port;
		this.logFile = logFile;
		this.embedded = embedded;
	}

	static PostgresServer start(Path data, int port, Path logFile) {
		return new PostgresServer(data, port, logFile, PostgresSupport.startPersistent(data, port));
	}

	PostgresSupport.Database admin() {
		return new PostgresSupport.Database("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres",
				"postgres");
	}

	/** The postmaster's pid, from its lock file, or -1 when it is not running. */
	long pid() {
		try {
			Path lock = this.data.resolve("postmaster.pid");
			if (!Files.exists(lock)) {
				return -1;
			}
			long pid = Long.parseLong(Files.readAllLines(lock, StandardCharsets.UTF_8).getFirst().trim());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	/** {@code pg_ctl stop -m immediate}, and wait until the postmaster is gone. */
	void crash(Duration timeout) {
		if (pid() >= 0) {
			pgCtl(timeout, "stop", "-m", "immediate", "-w", "-t", String.valueOf(timeout.toSeconds()));
		}
	}

	/** {@code pg_ctl restart} with the recorded options; waits until it answers. */
	void restart(Duration timeout) {
		if (pid() >= 0) {
			return;
		}
		this.restarted = true;
		pgCtl(timeout, "restart", "-w", "-t", String.valueOf(timeout.toSeconds()), "-l", this.logFile.toString());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try (Connection connection = admin().connect()) {
				return;
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("PostgreSQL did not come back; see " + this.logFile, ex);
				}
				Processes.sleep(Duration.ofMillis(200));
			}
		}
	}

	@Override
	public void close() throws IOException {
		if (!this.restarted) {
			this.embedded.close();
		}
		else if (pid() >= 0) {
			// the restarted postmaster is not zonky's child: pg_ctl's fast shutdown
			pgCtl(Duration.ofSeconds(60), "stop", "-m", "fast", "-w");
		}
	}

	private void pgCtl(Duration timeout, String... arguments) {
		try {
			String opts = Files.readString(this.data.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
			Path postgres = Path.of(opts.substring(0, opts.indexOf(' ')));
			List<String> command = new ArrayList<>();
			if (LinuxUtils.isUnshareAvailable()) {
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", this.data.toString()));
			command.addAll(List.of(arguments));
			Files.createDirectories(this.logFile.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.start();
			if (!process.waitFor(timeout.toSeconds() + 5, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed; see " + this.logFile);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("pg_ctl " + arguments[0] + " failed in " + this.data, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
