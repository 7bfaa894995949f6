package com.worklib.payment.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.worklib.payment.provider.PaymentProvider.AccountState;

/** The {@code connected_account} table. */
@Repository
public class ConnectedAccountRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	ConnectedAccountRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<ConnectedAccount> find(UUID partnerId) {
		return this.jdbc.sql("SELECT * FROM connected_account WHERE partner_id = :partnerId")
			.param("partnerId", partnerId)
			.query(ConnectedAccountRepository::map)
			.optional();
	}

	Optional<ConnectedAccount> findByStripeId(String stripeAccountId) {
		return this.jdbc.sql("SELECT * FROM connected_account WHERE stripe_account_id = :id FOR UPDATE")
			.param("id", stripeAccountId)
			.query(ConnectedAccountRepository::map)
			.optional();
	}

	/**
	 * @return false when the partner already had an account row
	 */
	boolean insert(UUID partnerId, AccountState state) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				INSERT INTO connected_account (partner_id, stripe_account_id, status, payouts_enabled,
				    requirements_due, disabled_reason, version, created_at, updated_at)
				VALUES (:partnerId, :accountId, :status, :payoutsEnabled, :due, :disabledReason, 1, :now, :now)
				ON CONFLICT (partner_id) DO NOTHING
				""")
			.param("partnerId", partnerId)
			.param("accountId", state.accountId())
			.param("status", ConnectedAccount.status(state).name())
			.param("payoutsEnabled", state.payoutsEnabled())
			.param("due", state.requirementsDue().toArray(String[]::new))
			.param("disabledReason", state.disabledReason())
			.param("now", now)
			.update() == 1;
	}

	void update(UUID partnerId, AccountState state, Instant stripeUpdatedAt) {
		this.jdbc.sql("""
				UPDATE connected_account SET status = :status, payouts_enabled = :payoutsEnabled,
				    requirements_due = :due, disabled_reason = :disabledReason, stripe_updated_at = :stripeUpdatedAt,
				    version = version + 1, updated_at = :now
				WHERE partner_id = :partnerId
				""")
			.param("partnerId", partnerId)
			.param("status", ConnectedAccount.status(state).name())
			.param("payoutsEnabled", state.payoutsEnabled())
			.param("due", state.requirementsDue().toArray(String[]::new))
			.param("disabledReason", state.disabledReason())
			.param("stripeUpdatedAt", Timestamp.from(stripeUpdatedAt))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private static ConnectedAccount map(ResultSet rs, int row) throws SQLException {
		Array due = rs.getArray("requirements_due");
		Timestamp stripeUpdatedAt = rs.getTimestamp("stripe_updated_at");
		return new ConnectedAccount(rs.getObject("partner_id", UUID.class), rs.getString("stripe_account_id"),
				ConnectedAccount.Status.valueOf(rs.getString("status")), rs.getBoolean("payouts_enabled"),
				due == null ? List.of() : Arrays.asList((String[]) due.getArray()), rs.getString("disabled_reason"),
				stripeUpdatedAt == null ? null : stripeUpdatedAt.toInstant(), rs.getLong("version"));
	}

}
