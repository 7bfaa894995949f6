package com.worklib.platform.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSupportIT {

	@Test
	void startsPostgreSql17AndHandsOutSeparateDatabases() throws Exception {
		PostgresSupport.Database first = PostgresSupport.freshDatabase("first");
		PostgresSupport.Database second = PostgresSupport.freshDatabase("second");
		assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());

		try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
			ResultSet version = statement.executeQuery("SHOW server_version");
			version.next();
			assertThat(version.getString(1)).startsWith("17.");
			statement.execute("CREATE TABLE marker (id int)");
			statement.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
		}
		try (Connection connection = second.connect(); Statement statement = connection.createStatement()) {
			ResultSet tables = statement
				.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'");
			tables.next();
			assertThat(tables.getInt(1)).as("a fresh database sees no table of another").isZero();
		}
	}

}
