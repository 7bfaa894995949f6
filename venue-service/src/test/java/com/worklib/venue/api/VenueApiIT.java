package com.worklib.venue.api;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.worklib.contracts.EventTypes;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;
import com.worklib.venue.VenueIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The venue API as partners, the public and other partners' members see it. */
@SpringBootTest
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
class VenueApiIT extends VenueIT {

	static final String ESTABLISHMENT = """
			{"name":"L'Atelier Presqu'île","address":{"line1":"12 rue de la République","postalCode":"69002",
			 "city":"Lyon","country":"FR"},"timezone":"Europe/Paris",
			 "openingHours":[{"dayOfWeek":"MONDAY","opens":"08:00","closes":"19:00"}],
			 "description":"Plateau lumineux","bookingContact":{"email":"%s","phone":"%s"}}""";

	static final String WORKSPACE = """
			{"type":"MEETING_ROOM","name":"Salle Fourvière","capacity":8,"bookingMode":"REQUEST",
			 "price":{"unit":"HOUR","amountExclVat":{"amountMinor":%d,"currency":"EUR"},"vatRateBps":%d}}""";

	static boolean imported;

	UUID partnerA;

	UUID partnerB;

	UUID ownerA = UUID.randomUUID();

	UUID managerA = UUID.randomUUID();

	UUID financeA = UUID.randomUUID();

	UUID ownerB = UUID.randomUUID();

	@BeforeEach
	void partners() throws Exception {
		if (!imported) {
			this.mvc
				.perform(post(API + "/imports/neo-nomade").with(ops())
					.contentType(MediaType.parseMediaType("text/csv"))
					.content(sample()))
				.andExpect(status().isOk());
			imported = true;
		}
		this.partnerA = partnerIdOf("NN-P-1001");
		this.partnerB = partnerIdOf("NN-P-1003");
		member(this.partnerA, this.ownerA, "OWNER");
		member(this.partnerA, this.managerA, "MANAGER");
		member(this.partnerA, this.financeA, "FINANCE");
		member(this.partnerB, this.ownerB, "OWNER");
	}

	RequestPostProcessor as(UUID userId) {
		return user(userId, "partner", "employee");
	}

	@Test
	void aManagerOfAnotherPartnerCanNeitherReadNorWriteItsPartnerData() throws Exception {
		UUID establishmentB = establishmentIdOf("NN-E-2020");
		UUID workspaceB = workspaceIdOf(
				this.jdbc.sql("SELECT nn_workspace_id FROM workspace WHERE establishment_id = :e LIMIT 1")
					.param("e", establishmentB)
					.query(String.class)
					.single());
		RequestPostProcessor intruder = as(this.managerA);

		this.mvc.perform(get(API + "/partners/" + this.partnerB).with(intruder)).andExpect(status().isNotFound());
		this.mvc.perform(get(API + "/partners/" + this.partnerB + "/establishments").with(intruder))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(API + "/partners/" + this.partnerB + "/establishments").with(intruder)
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("x@y.fr", "+33472000000")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put(API + "/establishments/" + establishmentB).with(intruder)
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("hijack@evil.fr", "+33472000000")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(API + "/establishments/" + establishmentB + "/workspaces").with(intruder)
				.contentType(MediaType.APPLICATION_JSON)
				.content(WORKSPACE.formatted(100, 2000)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put(API + "/workspaces/" + workspaceB).with(intruder)
				.contentType(MediaType.APPLICATION_JSON)
				.content(WORKSPACE.formatted(1, 2000)))
			.andExpect(status().isForbidden());
		// and the public view of B shows no contact, even to that manager
		this.mvc.perform(get(API + "/establishments/" + establishmentB).with(intruder))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bookingContact").doesNotExist());
		assertThat(this.jdbc.sql("SELECT contact_email FROM establishment WHERE id = :id")
			.param("id", establishmentB)
			.query(String.class)
			.single()).isNotEqualTo("hijack@evil.fr");
	}

	@Test
	void financeReadsButDoesNotEditTheListing() throws Exception {
		this.mvc.perform(get(API + "/partners/" + this.partnerA).with(as(this.financeA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNCLAIMED"))
			.andExpect(jsonPath("$.platformFeeBps").value(1500));
		this.mvc
			.perform(post(API + "/partners/" + this.partnerA + "/establishments").with(as(this.financeA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("a@b.fr", "+33472000000")))
			.andExpect(status().isForbidden());
	}

	@Test
	void publicReadsNeverExposeTheBookingContactAndShowCustomerPrices() throws Exception {
		UUID establishment = establishmentIdOf("NN-E-2000");
		UUID meetingRoom = workspaceIdOf("NN-W-3002"); // 29,90 € excl. VAT per hour, fee
														// 15 %
		this.mvc.perform(get(API + "/establishments/" + establishment))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("L'Atelier Coworking Lyon"))
			.andExpect(jsonPath("$.bookingContact").doesNotExist())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("reservations@atelier-lyon.fr"))));
		this.mvc.perform(get(API + "/establishments/" + establishment).with(as(this.managerA)))
			.andExpect(jsonPath("$.bookingContact.email").value("reservations@atelier-lyon.fr"))
			.andExpect(jsonPath("$.bookingContact.phone").value("+33472102030"));

		this.mvc.perform(get(API + "/workspaces/" + meetingRoom))
			.andExpect(jsonPath("$.price.amountExclVat.amountMinor").value(3439))
			.andExpect(jsonPath("$.priceBasis").value("CUSTOMER"));
		this.mvc.perform(get(API + "/workspaces/" + meetingRoom).with(user(UUID.randomUUID(), "employee")))
			.andExpect(jsonPath("$.price.amountExclVat.amountMinor").value(3439));
		this.mvc.perform(get(API + "/workspaces/" + meetingRoom).with(as(this.managerA)))
			.andExpect(jsonPath("$.price.amountExclVat.amountMinor").value(2990))
			.andExpect(jsonPath("$.priceBasis").value("PARTNER"));
		this.mvc.perform(get(API + "/establishments/" + establishment + "/workspaces"))
			.andExpect(jsonPath("$.items[*].priceBasis").value(not(hasItem("PARTNER"))))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("reservations@"))));
		this.mvc.perform(get(API + "/search").param("city", "LYON"))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("bookingContact"))));
	}

	@Test
	void editingTheBookingContactPublishesEstablishmentChangedWithTheNewContact() throws Exception {
		UUID establishment = establishmentIdOf("NN-E-2001");
		long before = outbox(EventTypes.ESTABLISHMENT_CHANGED);
		this.mvc
			.perform(put(API + "/establishments/" + establishment).with(as(this.managerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("Nouvelle.Resa@Atelier-Lyon.fr", "06 12 34 56 78")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bookingContact.email").value("nouvelle.resa@atelier-lyon.fr"))
			.andExpect(jsonPath("$.bookingContact.phone").value("+33612345678"));

		assertThat(outbox(EventTypes.ESTABLISHMENT_CHANGED)).isEqualTo(before + 1);
		String payload = lastChange(establishment);
		assertThat(payload).contains("\"email\":\"nouvelle.resa@atelier-lyon.fr\"")
			.contains("\"phone\":\"+33612345678\"")
			.contains("\"version\":2");

		// the same request again changes nothing and publishes nothing
		this.mvc
			.perform(put(API + "/establishments/" + establishment).with(as(this.managerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("nouvelle.resa@atelier-lyon.fr", "+33612345678")))
			.andExpect(status().isOk());
		assertThat(outbox(EventTypes.ESTABLISHMENT_CHANGED)).isEqualTo(before + 1);
	}

	@Test
	void accessInstructionsGoToMembersAndTheEventButNeverToThePublic() throws Exception {
		UUID establishment = establishmentIdOf("NN-E-2020");
		String withAccess = ESTABLISHMENT.formatted("reservations@atelier-lyon.fr", "+33472102030")
			.replace("\"description\"", "\"accessInstructions\":\"  3e étage, code 4812B  \",\"description\"");
		this.mvc
			.perform(put(API + "/establishments/" + establishment).with(as(this.ownerB))
				.contentType(MediaType.APPLICATION_JSON)
				.content(withAccess))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accessInstructions").value("3e étage, code 4812B"));
		this.mvc.perform(get(API + "/establishments/" + establishment))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accessInstructions").doesNotExist())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("4812B"))));
		this.mvc.perform(get(API + "/search").param("city", "lyon"))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("4812B"))));
		String payload = lastChange(establishment);
		assertThat(payload).contains("\"accessInstructions\":\"3e étage, code 4812B\"");

		String tooLong = withAccess.replace("  3e étage, code 4812B  ", "x".repeat(1001));
		this.mvc
			.perform(put(API + "/establishments/" + establishment).with(as(this.ownerB))
				.contentType(MediaType.APPLICATION_JSON)
				.content(tooLong))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("accessInstructions")));
		this.mvc.perform(get(API + "/establishments/" + establishment).with(as(this.ownerB)))
			.andExpect(jsonPath("$.accessInstructions").value("3e étage, code 4812B"));
	}

	/** The payload of the establishment's last ESTABLISHMENT_CHANGED event. */
	String lastChange(UUID establishment) {
		return this.jdbc.sql(
				"SELECT payload::text FROM outbox_event WHERE ce_type = :t AND ce_subject = :s ORDER BY id DESC LIMIT 1")
			.param("t", EventTypes.ESTABLISHMENT_CHANGED)
			.param("s", establishment.toString())
			.query(String.class)
			.single();
	}

	@Test
	void anOwnerAddsAnEstablishmentAndAWorkspace() throws Exception {
		String body = this.mvc
			.perform(post(API + "/partners/" + this.partnerA + "/establishments").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("resa@atelier-lyon.fr", "+33472000000")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.timezone").value("Europe/Paris"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll(".*\"establishmentId\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(post(API + "/establishments/" + id + "/workspaces").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(WORKSPACE.formatted(4500, 2000)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.price.amountExclVat.amountMinor").value(4500))
			.andExpect(jsonPath("$.active").value(true));
		this.mvc.perform(get(API + "/partners/" + this.partnerA + "/establishments").with(as(this.ownerA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(3));
	}

	@Test
	void thePricePreviewShowsWhatThePartnerReceivesAndWhatTheCustomerPays() throws Exception {
		// 29,90 € HT an hour at 20 %, fee 15 %: the partner receives 29,90 € HT (35,88 €
		// TTC), the customer pays (29,90 + 4,49) × 1,2 = 41,27 € TTC
		this.mvc
			.perform(get(API + "/partners/" + this.partnerA + "/price-preview").with(as(this.managerA))
				.param("unit", "HOUR")
				.param("amountExclVat", "2990")
				.param("vatRateBps", "2000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnerAmountExclVat.amountMinor").value(2990))
			.andExpect(jsonPath("$.partnerAmountInclVat.amountMinor").value(3588))
			.andExpect(jsonPath("$.platformFee.amountMinor").value(449))
			.andExpect(jsonPath("$.customerAmountInclVat.amountMinor").value(4127));
		// the same number the public sees on the workspace of that price, excl. VAT
		this.mvc.perform(get(API + "/workspaces/" + workspaceIdOf("NN-W-3002")))
			.andExpect(jsonPath("$.price.amountExclVat.amountMinor").value(2990 + 449));
		this.mvc
			.perform(get(API + "/partners/" + this.partnerA + "/price-preview").with(as(this.financeA))
				.param("unit", "DAY")
				.param("amountExclVat", "0")
				.param("vatRateBps", "1960"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("amountExclVat", "vatRateBps")));
		// another partner's fee rate is not theirs to probe
		this.mvc
			.perform(get(API + "/partners/" + this.partnerB + "/price-preview").with(as(this.managerA))
				.param("unit", "HOUR")
				.param("amountExclVat", "2990")
				.param("vatRateBps", "2000"))
			.andExpect(status().isNotFound());
	}

	@Test
	void badInputGetsFieldErrorsAndWritesNothing() throws Exception {
		long establishments = this.jdbc.sql("SELECT count(*) FROM establishment").query(Long.class).single();
		this.mvc
			.perform(post(API + "/partners/" + this.partnerA + "/establishments").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("resa@atelier-lyon.fr", "not a phone")
					.replace("Europe/Paris", "Europe/Lyon")
					.replace("\"closes\":\"19:00\"", "\"closes\":\"07:00\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("timezone", "openingHours", "bookingContact.phone")));
		this.mvc
			.perform(post(API + "/partners/" + this.partnerA + "/establishments").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ESTABLISHMENT.formatted("not-an-email", "+33472000000").replace("\"FR\"", "\"France\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("address.country", "bookingContact.email")));
		UUID establishment = establishmentIdOf("NN-E-2000");
		this.mvc
			.perform(post(API + "/establishments/" + establishment + "/workspaces").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(WORKSPACE.formatted(4500, 1960)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("price.vatRateBps"));
		this.mvc
			.perform(post(API + "/establishments/" + establishment + "/workspaces").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(WORKSPACE.formatted(0, 2000).replace("\"capacity\":8", "\"capacity\":0")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("capacity", "price.amountExclVat.amountMinor")));
		this.mvc
			.perform(post(API + "/establishments/" + establishment + "/workspaces").with(as(this.ownerA))
				.contentType(MediaType.APPLICATION_JSON)
				.content(WORKSPACE.formatted(4500, 2000).replace("MEETING_ROOM", "SOFA")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM establishment").query(Long.class).single())
			.isEqualTo(establishments);
	}

	@Test
	void searchMatchesCitiesWhateverTheAccentsAndFiltersByTypeAndCapacity() throws Exception {
		this.mvc.perform(get(API + "/search").param("city", "saint etienne"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.items[0].establishment.address.city").value("Saint-Étienne"));
		// Îlot Montmartre (one place) and Marais Studios (two places)
		this.mvc.perform(get(API + "/search").param("city", "Paris").param("type", "MEETING_ROOM"))
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.items[0].workspaces.length()").value(1))
			.andExpect(jsonPath("$.items[0].workspaces[0].type").value("MEETING_ROOM"));
		this.mvc.perform(get(API + "/search").param("minCapacity", "15"))
			.andExpect(jsonPath("$.items[*].workspaces[*].capacity")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(15))));
		this.mvc.perform(get(API + "/search").param("size", "500"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

}
