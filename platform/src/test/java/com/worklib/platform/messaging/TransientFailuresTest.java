package com.worklib.platform.messaging;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

	@Test
	void aRollbackThatFailsOnAConnectionPostgresClosedIsTransient() {
		// what booking-service threw when PostgreSQL stopped during GET me/bookings
		// (fault 3)
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));

		assertThat(TransientFailures.isTransient(rollback)).isTrue();
	}

	@Test
	void aTransactionFailureWithoutADatabaseCauseIsNot() {
		assertThat(TransientFailures.isTransient(new TransactionSystemException("no transaction in progress")))
			.isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
	}

}
