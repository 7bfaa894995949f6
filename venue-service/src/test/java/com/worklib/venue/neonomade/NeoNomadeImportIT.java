package com.worklib.venue.neonomade;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import com.worklib.contracts.EventTypes;
import com.worklib.contracts.Topics;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.venue.VenueIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeoNomadeImportIT extends VenueIT {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Test
	@Order(1)
	void importsTheSampleAsUnclaimedPartnersWithTheirListingsAndPublishesThem() throws Exception {
		this.mvc.perform(post(API + "/imports/neo-nomade").with(ops()).contentType(CSV).content(sample()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnersCreated").value(15))
			.andExpect(jsonPath("$.partnersUpdated").value(0))
			.andExpect(jsonPath("$.establishments").value(20))
			.andExpect(jsonPath("$.workspaces").value(70))
			.andExpect(jsonPath("$.errors").isEmpty());

		assertThat(this.jdbc.sql("SELECT count(*) FROM partner WHERE status = 'UNCLAIMED'").query(Long.class).single())
			.isEqualTo(15);
		Map<String, Object> lyon = this.jdbc
			.sql("SELECT code, name, platform_fee_bps, migration_email FROM partner WHERE nn_partner_id = 'NN-P-1001'")
			.query()
			.singleRow();
		assertThat(lyon).containsEntry("name", "L'Atelier Coworking Lyon SAS")
			.containsEntry("platform_fee_bps", 1500)
			.containsEntry("migration_email", "contact@atelier-lyon.fr")
			.containsEntry("code", "ATELIE");
		assertThat(this.jdbc.sql("SELECT platform_fee_bps FROM partner WHERE nn_partner_id = 'NN-P-1002'")
			.query(Integer.class)
			.single()).isEqualTo(1250);
		Map<String, Object> annex = this.jdbc.sql(
				"SELECT address_line2, contact_email, contact_phone, city FROM establishment WHERE nn_establishment_id = 'NN-E-2001'")
			.query()
			.singleRow();
		assertThat(annex).containsEntry("address_line2", "Entrée par la cour\nsonner « Atelier »")
			.containsEntry("contact_email", "annexe@atelier-lyon.fr")
			.containsEntry("contact_phone", "+33472102030");
		assertThat(this.jdbc.sql("SELECT price_minor FROM workspace WHERE nn_workspace_id = 'NN-W-3001'")
			.query(Long.class)
			.single()).isEqualTo(2250);

		assertThat(outbox(EventTypes.PARTNER_CREATED)).isEqualTo(15);
		assertThat(outbox(EventTypes.ESTABLISHMENT_CREATED)).isEqualTo(20);
		assertThat(outbox(EventTypes.WORKSPACE_CREATED)).isEqualTo(70);
		String published = awaitOnTopic(Topics.VENUE_PARTNERS, "contact@atelier-lyon.fr");
		assertThat(published).contains("\"status\":\"UNCLAIMED\"").contains("\"neoNomadeId\":\"NN-P-1001\"");
	}

	@Test
	@Order(2)
	void reimportingTheSameFileChangesAndPublishesNothing() throws Exception {
		long eventsBefore = this.jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();
		this.mvc.perform(post(API + "/imports/neo-nomade").with(ops()).contentType(CSV).content(sample()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnersCreated").value(0))
			.andExpect(jsonPath("$.partnersUpdated").value(0))
			.andExpect(jsonPath("$.establishments").value(0))
			.andExpect(jsonPath("$.workspaces").value(0))
			.andExpect(jsonPath("$.rowsUnchanged").value(70));
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single())
			.isEqualTo(eventsBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM workspace").query(Long.class).single()).isEqualTo(70);
	}

	@Test
	@Order(3)
	void aChangedPriceInALaterExportUpdatesThatWorkspaceOnly() throws Exception {
		String changed = sample().replace(";NN-W-3001;desk;Open space;20;instant;day;22,50;20",
				";NN-W-3001;desk;Open space;20;instant;day;24,00;20");
		this.mvc.perform(post(API + "/imports/neo-nomade").with(ops()).contentType(CSV).content(changed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workspaces").value(1))
			.andExpect(jsonPath("$.workspacesUpdated").value(1))
			.andExpect(jsonPath("$.establishments").value(0));
		assertThat(
				this.jdbc.sql("SELECT price_minor || '/' || version FROM workspace WHERE nn_workspace_id = 'NN-W-3001'")
					.query(String.class)
					.single())
			.isEqualTo("2400/2");
		assertThat(outbox(EventTypes.WORKSPACE_CHANGED)).isEqualTo(1);
	}

	@Test
	@Order(4)
	void importsTheGoodRowsOfAFileWithThreeBadOnesAndNamesTheirLines() throws Exception {
		String header = String.join(";", NeoNomadeCsv.COLUMNS);
		String good = "NN-P-9001;Bad Rows Test SAS;owner@badrows.fr;15;NN-E-9001;Bad Rows;1 rue Neuve;;75001;Paris;FR;"
				+ "Europe/Paris;mon-fri 08:00-19:00;resa@badrows.fr;01 42 00 00 00;%s;desk;Desk;4;instant;day;%s;20";
		String csv = String.join("\n", header, good.formatted("NN-W-9001", "20"), good.formatted("NN-W-9002", "vingt"),
				good.formatted("NN-W-9003", "20"),
				good.formatted("NN-W-9004", "20").replace("Europe/Paris", "Mars/Olympus"),
				good.formatted("NN-W-9005", "20").replace("01 42 00 00 00", "000"), good.formatted("NN-W-9006", "20"));
		this.mvc.perform(post(API + "/imports/neo-nomade").with(ops()).contentType(CSV).content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnersCreated").value(1))
			.andExpect(jsonPath("$.workspaces").value(3))
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].message").value("price_excl_vat: 'vingt' is not a number"))
			.andExpect(jsonPath("$.errors[1].line").value(5))
			.andExpect(jsonPath("$.errors[2].line").value(6));
		assertThat(this.jdbc.sql("SELECT count(*) FROM workspace WHERE nn_workspace_id LIKE 'NN-W-900%'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	@Order(4)
	void opsFindsAPartnerByNameCodeOrMigrationAddressAndFiltersByStatus() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/partners")
				.param("q", "ATELIER-LYON.FR")
				.with(ops()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].name").value("L'Atelier Coworking Lyon SAS"))
			.andExpect(jsonPath("$.items[0].status").value("UNCLAIMED"))
			.andExpect(jsonPath("$.items[0].migrationEmail").value("contact@atelier-lyon.fr"))
			.andExpect(jsonPath("$.items[0].neoNomadeId").value("NN-P-1001"));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/partners")
				.param("status", "UNCLAIMED")
				.param("size", "5")
				.with(ops()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(5))
			.andExpect(jsonPath("$.page.totalElements").value(org.hamcrest.Matchers.greaterThanOrEqualTo(15)));
		// a wildcard typed is a character searched, not "everything"
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/partners")
				.param("q", "%")
				.with(ops()))
			.andExpect(jsonPath("$.items.length()").value(0));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/partners")
				.param("status", "GONE")
				.with(ops()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		UUID member = UUID.randomUUID();
		member(partnerIdOf("NN-P-1001"), member, "OWNER");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(API + "/partners")
				.with(user(member, "partner")))
			.andExpect(status().isForbidden());
	}

	@Test
	@Order(5)
	void onlyOpsMayImport() throws Exception {
		this.mvc
			.perform(post(API + "/imports/neo-nomade").with(user(UUID.randomUUID(), "employee"))
				.contentType(CSV)
				.content(sample()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(API + "/imports/neo-nomade").contentType(CSV).content(sample()))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post(API + "/imports/neo-nomade").with(ops()).contentType(CSV).content("a;b\n1;2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("header"));
	}

	static String awaitOnTopic(String topic, String fragment) {
		return KafkaSupport.awaitRecord(topic, r -> r.value().contains(fragment)).value();
	}

}
