package com.worklib.platform.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what every {@link RetentionRule} of the service says has expired, by the
 * injected clock, in batches (short transactions, no long lock on a busy table), at most
 * {@value #MAX_BATCHES} batches per rule and run so one run never takes the database for
 * long; the next run goes on. Any replica may run it: deleting twice deletes nothing.
 */
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	static final int BATCH = 5_000;

	static final int MAX_BATCHES = 100;

	private final JdbcClient jdbc;

	private final List<RetentionRule> rules;

	private final Clock clock;

	public Retention(JdbcClient jdbc, List<RetentionRule> rules, Clock clock) {
		this.jdbc = jdbc;
		this.rules = List.copyOf(rules);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${worklib.retention.interval:1h}",
			initialDelayString = "${worklib.retention.initial-delay:10m}")
	void scheduled() {
		try {
			Map<String, Long> deleted = run();
			if (deleted.values().stream().anyMatch(n -> n > 0)) {
				log.info("Retention deleted {}", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Retention postponed to the next run: {}", ex.getMessage());
		}
	}

	/**
	 * @return rows deleted per rule
	 */
	public Map<String, Long> run() {
		Instant now = this.clock.instant();
		Map<String, Long> deleted = new LinkedHashMap<>();
		for (RetentionRule rule : this.rules) {
			Timestamp cutoff = Timestamp.from(now.minus(rule.keep()));
			long total = 0;
			for (int i = 0; i < MAX_BATCHES; i++) {
				int batch = this.jdbc.sql(rule.deleteBatch()).param("cutoff", cutoff).param("batch", BATCH).update();
				total += batch;
				if (batch < BATCH) {
					break;
				}
			}
			deleted.put(rule.name(), total);
		}
		return deleted;
	}

	public List<RetentionRule> rules() {
		return this.rules;
	}

}
