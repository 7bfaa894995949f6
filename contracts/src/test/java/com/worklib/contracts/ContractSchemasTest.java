package com.worklib.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.worklib.contracts.billing.ClosePartnerMonth;
import com.worklib.contracts.billing.InvoicePayload;
import com.worklib.contracts.booking.BookingPayload;
import com.worklib.contracts.identity.MailRequestPayload;
import com.worklib.contracts.identity.MembershipPayload;
import com.worklib.contracts.identity.UserPayload;
import com.worklib.contracts.payment.ConnectedAccountPayload;
import com.worklib.contracts.payment.PayoutPayload;
import com.worklib.contracts.venue.EstablishmentPayload;
import com.worklib.contracts.venue.PartnerPayload;
import com.worklib.contracts.venue.WorkspacePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event payload has a JSON Schema, and every stored sample of every revision
 * ({@code r1}, {@code r2}, …) validates against today's schema and still deserializes
 * into today's record: the compatibility promise of v1 topics (additive changes only).
 */
class ContractSchemasTest {

	static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(Map.entry("UserPayload", UserPayload.class),
			Map.entry("MembershipPayload", MembershipPayload.class),
			Map.entry("MailRequestPayload", MailRequestPayload.class),
			Map.entry("PartnerPayload", PartnerPayload.class),
			Map.entry("EstablishmentPayload", EstablishmentPayload.class),
			Map.entry("WorkspacePayload", WorkspacePayload.class), Map.entry("BookingPayload", BookingPayload.class),
			Map.entry("InvoicePayload", InvoicePayload.class), Map.entry("ClosePartnerMonth", ClosePartnerMonth.class),
			Map.entry("ConnectedAccountPayload", ConnectedAccountPayload.class),
			Map.entry("PayoutPayload", PayoutPayload.class),
			Map.entry("MonthNotInvoicedPayload", com.worklib.contracts.billing.MonthNotInvoicedPayload.class));

	// Consumers must tolerate fields added later in v1, so unknown properties are ignored
	// here.
	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	static Stream<Arguments> samples() throws IOException, URISyntaxException {
		URL root = ContractSchemasTest.class.getResource("/samples");
		Path dir = Path.of(root.toURI());
		try (Stream<Path> files = Files.walk(dir)) {
			List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
			return all.stream().map(p -> Arguments.of(p.getParent().getFileName().toString(), p));
		}
	}

	@ParameterizedTest(name = "{0} sample {1} validates and round-trips")
	@MethodSource("samples")
	void everyStoredSampleValidatesAndRoundTrips(String payloadName, Path sample) throws IOException {
		String json = Files.readString(sample);
		List<Error> errors = schema(payloadName).validate(json, InputFormat.JSON);
		assertThat(errors).as("schema errors for %s", sample).isEmpty();

		Class<?> type = PAYLOADS.get(payloadName);
		assertThat(type).as("record class for %s", payloadName).isNotNull();
		Object record = MAPPER.readValue(json, type);
		Object again = MAPPER.readValue(MAPPER.writeValueAsString(record), type);
		assertThat(again).isEqualTo(record);
		JsonNode reserialized = MAPPER.valueToTree(record);
		assertThat(schema(payloadName).validate(reserialized)).isEmpty();
	}

	@Test
	void everyPayloadRecordHasASchemaAndAtLeastOneSample() throws Exception {
		for (String name : PAYLOADS.keySet()) {
			assertThat(ContractSchemasTest.class.getResource("/schemas/" + name + ".schema.json")).as(name).isNotNull();
			assertThat(ContractSchemasTest.class.getResource("/samples/" + name + "/r1.json")).as(name).isNotNull();
		}
	}

	@Test
	void schemaRejectsAPayloadMissingItsVersion() {
		String noVersion = """
				{"partnerId":"0f6a2d0e-8f0c-4a2b-9d43-1c2b3a4d5e6f","userId":"5b8f0c1e-3f0a-4a53-9b0e-2f1d7b3c9a01",
				 "role":"OWNER","active":true}""";
		assertThat(schema("MembershipPayload").validate(noVersion, InputFormat.JSON))
			.anySatisfy(e -> assertThat(e.getMessage()).contains("version"));
	}

	@Test
	void schemaRejectsAnUnknownRole() {
		String badRole = """
				{"partnerId":"0f6a2d0e-8f0c-4a2b-9d43-1c2b3a4d5e6f","userId":"5b8f0c1e-3f0a-4a53-9b0e-2f1d7b3c9a01",
				 "role":"ADMIN","active":true,"version":1}""";
		assertThat(schema("MembershipPayload").validate(badRole, InputFormat.JSON)).isNotEmpty();
	}

	@Test
	void closeCommandsTopicHasTwelvePartitionsAndOthersSix() {
		assertThat(Topics.partitions(Topics.BILLING_CLOSE_COMMANDS)).isEqualTo(12);
		assertThat(Topics.partitions(Topics.BOOKING_BOOKINGS)).isEqualTo(6);
		assertThat(Topics.all()).allMatch(t -> t.matches("[a-z]+\\.[a-z-]+\\.v\\d+"));
	}

	static Schema schema(String payloadName) {
		try (InputStream in = ContractSchemasTest.class
			.getResourceAsStream("/schemas/" + payloadName + ".schema.json")) {
			return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
