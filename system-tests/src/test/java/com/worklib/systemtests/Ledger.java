package com.worklib.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What ops would look at after an incident, read where it is kept: every service's
 * database on the stack's PostgreSQL, and the dead-letter topics on its broker.
 */
final class Ledger {

	static final String JDBC = "jdbc:postgresql://127.0.0.1:15432/";

	static final List<String> DATABASES = List.of("identity", "venue", "booking", "billing", "payment", "notification");

	private Ledger() {
	}

	/** A booking row as booking-service keeps it. */
	record BookingRow(String id, String workspaceId, String status, String start, String end, long amountExclVat) {
	}

	static List<Map<String, Object>> query(String database, String sql, Object... parameters) {
		try (Connection connection = DriverManager.getConnection(JDBC + database, "postgres", "postgres");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
						row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(database + ": " + sql + ": " + ex.getMessage(), ex);
		}
	}

	private static UUID[] uuids(List<String> ids) {
		return ids.stream().map(UUID::fromString).toArray(UUID[]::new);
	}

	/** Every booking of these workspaces, by id. */
	static Map<String, BookingRow> bookings(List<String> workspaceIds) {
		Map<String, BookingRow> rows = new HashMap<>();
		for (Map<String, Object> row : query("booking",
				"SELECT id, workspace_id, status, start_at, end_at, amount_excl_vat_minor FROM booking"
						+ " WHERE workspace_id = ANY (?)",
				(Object) uuids(workspaceIds))) {
			rows.put(row.get("id").toString(),
					new BookingRow(row.get("id").toString(), row.get("workspace_id").toString(),
							row.get("status").toString(), row.get("start_at").toString(), row.get("end_at").toString(),
							((Number) row.get("amount_excl_vat_minor")).longValue()));
		}
		return rows;
	}

	/** Pairs of active bookings of one workspace whose times overlap. */
	static long doubleBookings(List<String> workspaceIds) {
		return ((Number) query("booking", """
				SELECT count(*) AS n FROM booking a JOIN booking b
				  ON a.workspace_id = b.workspace_id AND a.id < b.id
				 AND tstzrange(a.start_at, a.end_at, '[)') && tstzrange(b.start_at, b.end_at, '[)')
				WHERE a.workspace_id = ANY (?) AND a.exclusive
				  AND a.status IN ('REQUESTED', 'CONFIRMED') AND b.status IN ('REQUESTED', 'CONFIRMED')
				""", (Object) uuids(workspaceIds)).getFirst().get("n")).longValue();
	}

	/** billing-service's billable items of these workspaces: booking id to amount. */
	static Map<String, Long> billableItems(List<String> workspaceIds) {
		Map<String, Long> items = new HashMap<>();
		for (Map<String, Object> row : query("billing",
				"SELECT booking_id, amount_excl_minor FROM billable_item WHERE workspace_id = ANY (?)",
				(Object) uuids(workspaceIds))) {
			items.put(row.get("booking_id").toString(), ((Number) row.get("amount_excl_minor")).longValue());
		}
		return items;
	}

	/** Outbox rows not yet published, per database (only those with some). */
	static Map<String, Long> pendingOutbox() {
		Map<String, Long> pending = new TreeMap<>();
		for (String database : DATABASES) {
			long n = ((Number) query(database, "SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL")
				.getFirst()
				.get("n")).longValue();
			if (n > 0) {
				pending.put(database, n);
			}
		}
		return pending;
	}

	/** Records held by each dead-letter topic. */
	static Map<String, Long> deadLetters() {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
		try (Admin admin = Admin.create(config)) {
			Set<String> topics = new TreeSet<>(admin.listTopics().names().get());
			topics.removeIf(topic -> !topic.endsWith(".dlt"));
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
				topic.partitions().forEach(p -> {
					earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
					latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
				});
			}
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> from = admin.listOffsets(earliest).all().get();
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> to = admin.listOffsets(latest).all().get();
			Map<String, Long> records = new TreeMap<>();
			topics.forEach(topic -> records.put(topic, 0L));
			to.forEach((partition, end) -> records.merge(partition.topic(), end.offset() - from.get(partition).offset(),
					Long::sum));
			return records;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the dead-letter topics: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Each read model against its source, row by row (id and version): the memberships of
	 * every service against identity's, booking's catalog and notification's contacts
	 * against venue's tables. Empty when all agree.
	 */
	static List<String> readModelDifferences() {
		List<String> differences = new ArrayList<>();
		String memberships = "SELECT partner_id || '/' || user_id AS id,"
				+ " role || ' ' || active || ' v' || version AS state FROM partner_membership";
		Map<String, String> source = rows("identity", memberships);
		for (String database : List.of("venue", "booking", "billing", "payment", "notification")) {
			compare(differences, "memberships in " + database, source, rows(database, memberships));
		}
		String[][] copies = { { "partner", "booking", "catalog_partner", "partner_id" },
				{ "establishment", "booking", "catalog_establishment", "establishment_id" },
				{ "workspace", "booking", "catalog_workspace", "workspace_id" },
				{ "partner", "notification", "contact_partner", "partner_id" },
				{ "establishment", "notification", "contact_establishment", "establishment_id" },
				{ "workspace", "notification", "contact_workspace", "workspace_id" } };
		for (String[] copy : copies) {
			compare(differences, copy[1] + "." + copy[2] + " against venue." + copy[0],
					rows("venue", "SELECT id::text AS id, 'v' || version AS state FROM " + copy[0]),
					rows(copy[1], "SELECT " + copy[3] + "::text AS id, 'v' || version AS state FROM " + copy[2]));
		}
		return differences;
	}

	private static Map<String, String> rows(String database, String sql) {
		Map<String, String> rows = new TreeMap<>();
		query(database, sql).forEach(row -> rows.put(row.get("id").toString(), row.get("state").toString()));
		return rows;
	}

	private static void compare(List<String> differences, String what, Map<String, String> source,
			Map<String, String> copy) {
		for (Map.Entry<String, String> row : source.entrySet()) {
			String copied = copy.get(row.getKey());
			if (!row.getValue().equals(copied)) {
				differences.add(what + ": " + row.getKey() + " is " + row.getValue() + " at the source, "
						+ (copied == null ? "missing" : copied) + " in the copy");
			}
		}
		copy.keySet()
			.stream()
			.filter(id -> !source.containsKey(id))
			.forEach(id -> differences.add(what + ": " + id + " is in the copy only"));
	}

}
