package com.worklib.benchmarks;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where PostgreSQL's time went, from {@code pg_stat_statements}, when the embedded server
 * was started with {@code -Dworklib.postgres.trackStatements=true}; silent otherwise.
 */
final class Statements {

	private static final boolean ENABLED = Boolean.getBoolean("worklib.postgres.trackStatements");

	private Statements() {
	}

	static void reset(JdbcClient jdbc) {
		if (ENABLED) {
			jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
			jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
		}
	}

	static void printTop(JdbcClient jdbc, int limit) {
		if (!ENABLED) {
			return;
		}
		System.out.printf("BENCHMARK PostgreSQL statements by total time:%n");
		jdbc.sql("""
				SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, rows,
				  left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
				FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT :limit
				""").param("limit", limit).query((rs, i) -> {
			System.out.printf("BENCHMARK   %8d calls %9d ms %8s ms/call %9d rows  %s%n", rs.getLong("calls"),
					rs.getLong("total_ms"), rs.getBigDecimal("mean_ms"), rs.getLong("rows"), rs.getString("query"));
			return 0;
		}).list();
	}

}
