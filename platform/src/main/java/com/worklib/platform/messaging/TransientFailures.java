package com.worklib.platform.messaging;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures of a consumer are a dependency being away (the database, the broker,
 * Keycloak, a network): retried until it is back, never dead-lettered, because the record
 * itself is fine. Everything else is the record's or the code's fault: retried a little,
 * then dead-lettered for ops to look at and replay.
 */
public final class TransientFailures {

	private TransientFailures() {
	}

	public static boolean isTransient(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DependencyUnavailableException || t instanceof TransientDataAccessException
					|| t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
					|| t instanceof SQLRecoverableException || t instanceof IOException
					|| t instanceof org.apache.kafka.common.errors.RetriableException) {
				return true;
			}
			// the database went away mid-transaction: its rollback (or commit) fails on a
			// closed connection, and nothing was kept (fault 3 found this as a 500)
			if (t instanceof org.springframework.transaction.TransactionSystemException
					&& t.getCause() instanceof java.sql.SQLException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
