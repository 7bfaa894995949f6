package com.worklib.platform.retention;

import java.time.Duration;

/**
 * Rows of one table that are kept for {@code keep}, then deleted by {@link Retention}.
 *
 * @param name what a log line and the runbook call it ({@code outbox}, {@code inbox}, …)
 * @param keep how long a row is kept after {@code cutoffColumn}
 * @param table the table
 * @param cutoffColumn the moment the row's retention counts from (a null never expires)
 * @param condition an extra SQL condition rows must meet to expire
 * ({@code status <> 'PENDING'}), or null
 */
public record RetentionRule(String name, Duration keep, String table, String cutoffColumn, String condition) {

	public RetentionRule {
		if (!table.matches("[a-z_]+") || !cutoffColumn.matches("[a-z_]+")) {
			throw new IllegalArgumentException("table and column are plain identifiers: " + table + "." + cutoffColumn);
		}
		if (keep.isNegative() || keep.isZero()) {
			throw new IllegalArgumentException(name + ": keep must be positive, was " + keep);
		}
	}

	/** Deletes at most {@code :batch} expired rows older than {@code :cutoff}. */
	String deleteBatch() {
		return "DELETE FROM " + this.table + " WHERE ctid IN (SELECT ctid FROM " + this.table + " WHERE "
				+ this.cutoffColumn + " < :cutoff" + (this.condition == null ? "" : " AND (" + this.condition + ")")
				+ " LIMIT :batch)";
	}

}
