package com.worklib.venue.neonomade;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.worklib.platform.domain.FieldValidationException;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceUnit;
import com.worklib.venue.workspace.WorkspaceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NeoNomadeCsvTest {

	static final String HEADER = String.join(";", NeoNomadeCsv.COLUMNS);

	static final String GOOD = "NN-P-1;Café & Co SAS;Contact@CafeCo.fr ;12,5;NN-E-1;Café & Co;1 rue Pasteur;;69001;Lyon;FR;"
			+ "Europe/Paris;mon-fri 08:00-19:00;resa@cafeco.fr;04 72 00 00 00;NN-W-1;meeting_room;\"Salle; Rhône\";"
			+ "8;request;hour;35,50;5,5";

	record Result(List<NeoNomadeRow> rows, List<ImportError> errors) {
	}

	static Result read(String csv) {
		List<NeoNomadeRow> rows = new ArrayList<>();
		List<ImportError> errors = new ArrayList<>();
		NeoNomadeCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rows::add, errors::add);
		return new Result(rows, errors);
	}

	@Test
	void readsDecimalCommasQuotedSemicolonsAndNormalisesContacts() {
		Result result = read("\uFEFF" + HEADER + "\r\n" + GOOD + "\r\n");
		assertThat(result.errors()).isEmpty();
		NeoNomadeRow row = result.rows().get(0);
		assertThat(row.line()).isEqualTo(2);
		assertThat(row.partner().platformFeeBps()).isEqualTo(1250);
		assertThat(row.partner().migrationEmail()).isEqualTo("contact@cafeco.fr");
		assertThat(row.workspace().name()).isEqualTo("Salle; Rhône");
		assertThat(row.workspace().type()).isEqualTo(WorkspaceType.MEETING_ROOM);
		assertThat(row.workspace().unit()).isEqualTo(PriceUnit.HOUR);
		assertThat(row.workspace().price()).isEqualTo(Money.eur(3550));
		assertThat(row.workspace().vatRate().bps()).isEqualTo(550);
		assertThat(row.establishment().bookingContact().phone()).isEqualTo("+33472000000");
		assertThat(row.establishment().openingHours()).hasSize(5);
	}

	@Test
	void reportsTheLineWhereARecordStartsEvenAfterQuotedLineBreaks() {
		String multiLine = GOOD.replace(";;69001", ";\"Entrée cour\nsonner\";69001").replace("NN-W-1", "NN-W-2");
		String bad = GOOD.replace("NN-W-1", "NN-W-3").replace(";5,5", ";19,6");
		Result result = read(HEADER + "\n" + multiLine + "\n" + bad + "\n");
		assertThat(result.rows()).hasSize(1);
		assertThat(result.rows().get(0).establishment().address().line2()).isEqualTo("Entrée cour\nsonner");
		assertThat(result.errors()).containsExactly(
				new ImportError(4, "vat_rate_percent: 19,6 is not a French VAT rate (0, 2.1, 5.5, 10, 20)"));
	}

	@Test
	void namesTheColumnOfEachBadValue() {
		assertThat(error(GOOD.replace("Europe/Paris", "Europe/Lyon"))).startsWith("timezone:");
		assertThat(error(GOOD.replace("04 72 00 00 00", "12"))).startsWith("booking_contact_phone:");
		assertThat(error(GOOD.replace("meeting_room", "sofa"))).startsWith("workspace_type:");
		assertThat(error(GOOD.replace(";8;request", ";0;request"))).startsWith("capacity:");
		assertThat(error(GOOD.replace("35,50", "35,505"))).startsWith("price_excl_vat:");
		assertThat(error(GOOD.replace("35,50", "0"))).startsWith("price_excl_vat:");
		assertThat(error(GOOD.replace("Contact@CafeCo.fr ", "nobody"))).startsWith("migration_email:");
		assertThat(error(GOOD.replace("mon-fri 08:00-19:00", "tous les jours"))).startsWith("opening_hours:");
		assertThat(error(GOOD.replace("NN-P-1;", ";"))).startsWith("nn_partner_id: is empty");
		assertThat(error(GOOD + ";extra")).contains("23 columns expected");
		// a negative fee used to be imported, then made public reads and search answer
		// 500
		assertThat(error(GOOD.replace(";12,5;", ";-5;"))).isEqualTo("platform_fee_percent: must be between 0 and 100");
		assertThat(error(GOOD.replace(";12,5;", ";100,01;"))).startsWith("platform_fee_percent:");
		assertThat(error(GOOD.replace(";12,5;", ";99999999999999999;"))).startsWith("platform_fee_percent:");
	}

	@Test
	void refusesAFileWhoseHeaderIsNotTheExportFormat() {
		assertThatThrownBy(() -> read(HEADER.replace("city", "town") + "\n" + GOOD))
			.isInstanceOf(FieldValidationException.class)
			.hasMessageContaining("header");
		assertThatThrownBy(() -> read("")).isInstanceOf(FieldValidationException.class).hasMessageContaining("empty");
	}

	private static String error(String line) {
		Result result = read(HEADER + "\n" + line + "\n");
		assertThat(result.rows()).isEmpty();
		return result.errors().get(0).message();
	}

}
