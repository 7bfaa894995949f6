package com.worklib.identity.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

	private static final String COLUMNS = "id, email, first_name, last_name, locale, email_verified, version, company";

	private final JdbcClient jdbc;

	private final Clock clock;

	UserRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<UserAccount> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = :id")
			.param("id", id)
			.query(UserRepository::map)
			.optional();
	}

	public Optional<UserAccount> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE email = :email")
			.param("email", email)
			.query(UserRepository::map)
			.optional();
	}

	public void insert(UserAccount user) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("INSERT INTO user_account (" + COLUMNS + ", created_at, updated_at) VALUES (:id, :email, "
					+ ":first, :last, :locale, :verified, :version, :company, :now, :now)")
			.param("id", user.id())
			.param("email", user.email())
			.param("first", user.firstName())
			.param("last", user.lastName())
			.param("locale", user.locale())
			.param("verified", user.emailVerified())
			.param("version", user.version())
			.param("company", user.company())
			.param("now", now)
			.update();
	}

	public void updateProfile(UserAccount user) {
		this.jdbc
			.sql("UPDATE user_account SET first_name = :first, last_name = :last, locale = :locale, "
					+ "company = :company, version = :version, updated_at = :now WHERE id = :id")
			.param("id", user.id())
			.param("company", user.company())
			.param("first", user.firstName())
			.param("last", user.lastName())
			.param("locale", user.locale())
			.param("version", user.version())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	public void markVerified(UserAccount user) {
		this.jdbc
			.sql("UPDATE user_account SET email_verified = true, version = :version, updated_at = :now WHERE id = :id")
			.param("id", user.id())
			.param("version", user.version())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("locale"), rs.getBoolean("email_verified"),
				rs.getLong("version"), rs.getString("company"));
	}

}
