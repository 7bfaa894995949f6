package com.worklib.billing.close;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

import com.worklib.billing.BillingIT;
import com.worklib.contracts.EventTypes;
import com.worklib.contracts.MoneyAmount;
import com.worklib.contracts.Topics;
import com.worklib.contracts.billing.ClosePartnerMonth;
import com.worklib.contracts.booking.BookingPayload;
import com.worklib.platform.test.KafkaSupport;
import com.worklib.platform.test.WithKafka;
import com.worklib.platform.test.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The month-end close on real PostgreSQL and Kafka: booking events in, close commands
 * through the topic, invoices out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BillingIT.Clocks.class)
@WithPostgres
@WithKafka
class MonthCloseIT extends BillingIT {

	static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	BillableItemRepository ingest;

	@Autowired
	InvoiceIssuer issuer;

	@Autowired
	ClosingService closings;

	@BeforeEach
	void decemberThird() {
		this.clock.set(Instant.parse("2026-12-03T10:00:00Z"));
	}

	@Test
	void closesAMonthIntoOneInvoicePerPartnerSkipsTheIncompleteAndClosesThemLater() throws Exception {
		Partner atelier = partner("ATEL" + suffix());
		Partner bureau = partner("BURO" + suffix());
		Partner cowork = partner("COWK" + suffix());
		completeBilling(atelier, "STANDARD");
		completeBilling(bureau, "FRANCHISE");
		// cowork has billing information but no mandate
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put(API + "/partners/" + cowork.partnerId() + "/billing-profile")
			.with(as(cowork.owner()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"legalName":"Cowork SAS","legalForm":"SAS","siret":"35600000049837","vatRegime":"FRANCHISE",
							 "address":{"line1":"1 place","postalCode":"69001","city":"Lyon","country":"FR"},"billingEmail":"b@cowork.example"}"""))
			.andExpect(status().isOk());

		UUID a1 = UUID.randomUUID();
		UUID a2 = UUID.randomUUID();
		UUID a3 = UUID.randomUUID();
		UUID a4 = UUID.randomUUID();
		List<BookingPayload> events = List.of(booking(atelier, a1, NOV_5, "REQUESTED", 3500, null, 1),
				booking(atelier, a1, NOV_5, "CONFIRMED", 3500, null, 2),
				// a redelivered old version changes nothing
				booking(atelier, a1, NOV_5, "REQUESTED", 3500, null, 1),
				booking(atelier, a2, NOV_5.plusDays(10), "CONFIRMED", 7000, null, 1),
				booking(atelier, a3, NOV_5.plusDays(20), "CANCELLED", 4200, 4200L, 3),
				booking(atelier, a4, NOV_5.plusDays(21), "DECLINED", 9900, null, 2),
				// December is not November's business
				booking(atelier, UUID.randomUUID(), LocalDate.of(2026, 12, 1), "CONFIRMED", 1000, null, 1),
				booking(bureau, UUID.randomUUID(), NOV_5, "CONFIRMED", 2000, null, 1),
				booking(bureau, UUID.randomUUID(), NOV_5, "CONFIRMED", 3000, null, 1),
				booking(cowork, UUID.randomUUID(), NOV_5, "CONFIRMED", 5000, null, 1));
		for (BookingPayload event : events) {
			this.kafka.send(Topics.BOOKING_BOOKINGS, event.partnerId().toString(), this.json.writeValueAsString(event))
				.get();
		}
		await("booking events in billing",
				() -> this.jdbc.sql("SELECT count(*) FROM billable_item WHERE partner_id IN (:p)")
					.param("p", List.of(atelier.partnerId(), bureau.partnerId(), cowork.partnerId()))
					.query(Long.class)
					.single() == 8);

		String open = this.mvc
			.perform(get(API + "/partners/" + atelier.partnerId() + "/statements/2026-11").with(as(atelier.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.lines.length()").value(3))
			.andExpect(jsonPath("$.lines[2].kind").value("LATE_CANCELLATION"))
			.andExpect(jsonPath("$.lines[0].unit").value("HOUR"))
			.andExpect(jsonPath("$.lines[0].quantity").value(1))
			.andExpect(jsonPath("$.lines[0].unitPriceExclVat.amountMinor").value(3500))
			// the late-cancellation fee is the booking's full amount: the same unit price
			// explains it
			.andExpect(jsonPath("$.lines[2].unitPriceExclVat.amountMinor").value(4200))
			.andExpect(jsonPath("$.totals.exclVat.amountMinor").value(14700))
			.andExpect(jsonPath("$.totals.vat.amountMinor").value(2940))
			.andExpect(jsonPath("$.totals.inclVat.amountMinor").value(17640))
			.andReturn()
			.getResponse()
			.getContentAsString();

		this.mvc
			.perform(post(API + "/closings").with(ops())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"month\":\"2026-12\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("has not ended")));

		UUID closing = close("2026-11");
		assertThat(JsonPath.<Integer>read(progress(closing), "$.invoicesIssued")).isEqualTo(2);
		assertThat(JsonPath
			.<Object>read(progress(closing), "$.skipped[?(@.partnerId == '" + cowork.partnerId() + "')].reason")
			.toString()).contains("mandate");

		String invoiced = this.mvc
			.perform(get(API + "/partners/" + atelier.partnerId() + "/statements/2026-11").with(as(atelier.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("INVOICED"))
			.andExpect(jsonPath("$.invoiceNumber").value(atelier.code() + "-2026-00001"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the statement of the open month and the invoice show the same lines and figures
		assertThat(JsonPath.<Object>read(invoiced, "$.lines")).isEqualTo(JsonPath.read(open, "$.lines"));
		assertThat(JsonPath.<Object>read(invoiced, "$.totals")).isEqualTo(JsonPath.read(open, "$.totals"));

		// a franchise partner's invoice carries no VAT
		this.mvc.perform(get(API + "/partners/" + bureau.partnerId() + "/invoices").with(as(bureau.owner())))
			.andExpect(jsonPath("$.items[0].number").value(bureau.code() + "-2026-00001"))
			.andExpect(jsonPath("$.items[0].totals.exclVat.amountMinor").value(5000))
			.andExpect(jsonPath("$.items[0].totals.vat.amountMinor").value(0));

		// closing again and redelivering a command issue nothing more
		close("2026-11");
		ClosePartnerMonth again = new ClosePartnerMonth(closing, atelier.partnerId(), "2026-11");
		this.kafka
			.send(KafkaSupport.cloudEvent(Topics.BILLING_CLOSE_COMMANDS, atelier.partnerId().toString(),
					UUID.randomUUID().toString(), EventTypes.CLOSE_PARTNER_MONTH, this.json.writeValueAsString(again)))
			.get();
		Thread.sleep(1500);
		assertThat(invoiceCount(atelier)).isEqualTo(1);
		assertThat(invoiceCount(bureau)).isEqualTo(1);
		assertThat(invoiceCount(cowork)).isZero();

		// the skipped partner accepts the mandate and is closed by the next request
		acceptMandate(cowork);
		UUID later = close("2026-11");
		assertThat(JsonPath.<Integer>read(progress(later), "$.invoicesIssued")).isEqualTo(1);
		assertThat(invoiceCount(cowork)).isEqualTo(1);

		// InvoiceIssued went out for each, with its lines as the API shows them
		var issued = KafkaSupport.awaitRecord(Topics.BILLING_INVOICES,
				r -> r.value().contains(atelier.code() + "-2026-00001") && r.value().contains("\"ISSUED\""));
		assertThat(JsonPath.<Object>read(issued.value(), "$.lines[*].amountExclVat.amountMinor").toString())
			.isEqualTo(JsonPath.read(invoiced, "$.lines[*].amountExclVat.amountMinor").toString());
		assertThat(JsonPath.<String>read(issued.value(), "$.lines[0].unit")).isEqualTo("HOUR");
		assertThat(JsonPath.<String>read(issued.value(), "$.lines[0].quantity")).isEqualTo("1");
		// the skipped partner was told what waited: one booking, 50 €
		var notInvoiced = KafkaSupport.awaitRecord(Topics.BILLING_INVOICES,
				r -> EventTypes.PARTNER_MONTH_NOT_INVOICED.equals(
						new String(r.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8))
						&& r.value().contains(cowork.partnerId().toString()));
		assertThat(JsonPath.<String>read(notInvoiced.value(), "$.reason")).isEqualTo("MANDATE_NOT_ACCEPTED");
		assertThat(JsonPath.<Integer>read(notInvoiced.value(), "$.lines")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(notInvoiced.value(), "$.amountExclVat.amountMinor")).isEqualTo(5000);
	}

	/** A booking as booking-service publishes it, at a price of its own. */
	static BookingPayload priced(Partner partner, UUID bookingId, LocalDate day, String status, String unit,
			String quantity, long unitMinor, int vatRateBps, Long feeMinor, long version) {
		long amount = new java.math.BigDecimal(quantity).multiply(java.math.BigDecimal.valueOf(unitMinor))
			.longValueExact();
		long vat = java.math.BigDecimal.valueOf(amount * vatRateBps, 4)
			.setScale(0, java.math.RoundingMode.HALF_UP)
			.longValueExact();
		var price = new BookingPayload.PriceSnapshot(unit, quantity, new MoneyAmount(unitMinor, "EUR"),
				new MoneyAmount(amount, "EUR"), vatRateBps, new MoneyAmount(vat, "EUR"),
				new MoneyAmount(amount + vat, "EUR"), null, null);
		Instant start = day.atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant();
		return new BookingPayload(bookingId, partner.workspaceId(), UUID.randomUUID(), partner.partnerId(),
				UUID.randomUUID(), status, start, start.plus(java.time.Duration.ofHours(3)), day, "Europe/Paris", price,
				feeMinor == null ? null : new MoneyAmount(feeMinor, "EUR"), null, version);
	}

	/**
	 * What the partner's bookings table says a booking is invoiced: a confirmed booking
	 * its amount, a late cancellation its fee, anything else nothing.
	 */
	static long invoicedByTheTable(BookingPayload b) {
		return switch (b.status()) {
			case "CONFIRMED" -> b.price().amountExclVat().amountMinor();
			case "CANCELLED" -> b.cancellationFee() == null ? 0 : b.cancellationFee().amountMinor();
			default -> 0;
		};
	}

	@Test
	void aMonthOfOddPricesIsInvoicedLineByLineAsTheBookingsTableSaysIt() throws Exception {
		Partner partner = partner("ODDS" + suffix());
		completeBilling(partner, "STANDARD");
		LocalDate dec = LocalDate.of(2026, 12, 8);
		// November: one booking, invoiced, then cancelled by the partner in December
		BookingPayload november = priced(partner, UUID.randomUUID(), NOV_5, "CONFIRMED", "HOUR", "3", 1235, 2000, null,
				2);
		this.ingest.upsert(List.of(BillableItem.from(november)));
		close("2026-11");
		BookingPayload novemberCancelled = priced(partner, november.bookingId(), NOV_5, "CANCELLED", "HOUR", "3", 1235,
				2000, null, 3);
		// December: 12,35 € × 3 h at 7 % (as billing takes any rate), a day at 20 %, a
		// late
		// cancellation whose fee is the booking, a refused request
		List<BookingPayload> december = List.of(
				priced(partner, UUID.randomUUID(), dec, "CONFIRMED", "HOUR", "3", 1235, 700, null, 2),
				priced(partner, UUID.randomUUID(), dec.plusDays(1), "CONFIRMED", "DAY", "1", 2200, 2000, null, 1),
				priced(partner, UUID.randomUUID(), dec.plusDays(2), "CONFIRMED", "HALF_DAY", "2", 1735, 700, null, 1),
				priced(partner, UUID.randomUUID(), dec.plusDays(3), "CANCELLED", "HOUR", "3", 1235, 700, 3705L, 3),
				priced(partner, UUID.randomUUID(), dec.plusDays(4), "DECLINED", "HOUR", "2", 1235, 700, null, 2));
		List<BillableItem> items = new ArrayList<>();
		items.add(BillableItem.from(novemberCancelled));
		december.forEach(b -> items.add(BillableItem.from(b)));
		this.ingest.upsert(items);
		this.clock.set(Instant.parse("2027-01-02T10:00:00Z"));
		close("2026-12");

		String invoices = this.mvc
			.perform(get(API + "/partners/" + partner.partnerId() + "/invoices").with(as(partner.owner())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.Map<UUID, Long> invoicedPerBooking = new java.util.HashMap<>();
		String decemberInvoice = null;
		for (Object id : JsonPath.<List<Object>>read(invoices, "$.items[*].invoiceId")) {
			String invoice = this.mvc.perform(get(API + "/invoices/" + id).with(as(partner.owner())))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if ("2026-12".equals(JsonPath.read(invoice, "$.month"))) {
				decemberInvoice = invoice;
			}
			for (Object line : JsonPath.<List<Object>>read(invoice, "$.lines[*]")) {
				invoicedPerBooking.merge(UUID.fromString(JsonPath.read(line, "$.bookingId")),
						((Number) JsonPath.read(line, "$.amountExclVat.amountMinor")).longValue(), Long::sum);
			}
		}
		// every booking, over all its invoices, is what the table says: November's one
		// nets to zero through December's regularisation
		List<BookingPayload> table = new ArrayList<>(december);
		table.add(novemberCancelled);
		for (BookingPayload b : table) {
			assertThat(invoicedPerBooking.getOrDefault(b.bookingId(), 0L))
				.as("booking %s (%s)", b.bookingId(), b.status())
				.isEqualTo(invoicedByTheTable(b));
		}
		// December's lines are the bookings' frozen prices, line by line
		for (BookingPayload b : december) {
			if (invoicedByTheTable(b) == 0) {
				continue;
			}
			List<Object> lines = JsonPath.read(decemberInvoice, "$.lines[?(@.bookingId == '" + b.bookingId() + "')]");
			assertThat(lines).hasSize(1);
			Object line = lines.get(0);
			assertThat(JsonPath.<String>read(line, "$.unit")).isEqualTo(b.price().unit());
			assertThat(new java.math.BigDecimal(JsonPath.read(line, "$.quantity").toString()))
				.isEqualByComparingTo(b.price().quantity());
			assertThat(((Number) JsonPath.read(line, "$.unitPriceExclVat.amountMinor")).longValue())
				.isEqualTo(b.price().unitPriceExclVat().amountMinor());
			assertThat(JsonPath.<Integer>read(line, "$.vatRateBps")).isEqualTo(b.price().vatRateBps());
		}
		// 7 %: 3705 + 3470 + 3705 = 10880, VAT 761.6 → 762; 20 %: 2200 − 3705 = −1505,
		// VAT −301; per rate, rounded once
		assertThat(JsonPath.<Object>read(decemberInvoice, "$.totals.vatByRate[?(@.vatRateBps == 700)].vat.amountMinor")
			.toString()).isEqualTo("[762]");
		assertThat(JsonPath.<Object>read(decemberInvoice, "$.totals.vatByRate[?(@.vatRateBps == 2000)].vat.amountMinor")
			.toString()).isEqualTo("[-301]");
		assertThat(((Number) JsonPath.read(decemberInvoice, "$.totals.inclVat.amountMinor")).longValue())
			.isEqualTo(10880 + 762 - 1505 - 301);
		// rounded line by line, as each booking shows its VAT, it would be a cent less:
		// 259 + 440 + 243 + 259 − 741 = 460 of VAT on 9375
		assertThat(((Number) JsonPath.read(decemberInvoice, "$.linesInclVatRoundedPerLine.amountMinor")).longValue())
			.isEqualTo(9375 + 460);
		this.mvc
			.perform(get(API + "/partners/" + partner.partnerId() + "/statements/2026-12").with(as(partner.owner())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.linesInclVatRoundedPerLine.amountMinor")
				.value(9375 + 460));
	}

	@Test
	void aCancellationAfterTheCloseIsARegularisationOnTheNextInvoiceAndMayMakeACreditNote() throws Exception {
		Partner partner = partner("REGU" + suffix());
		completeBilling(partner, "STANDARD");
		UUID booking = UUID.randomUUID();
		this.ingest.upsert(List.of(BillableItem.from(booking(partner, booking, NOV_5, "CONFIRMED", 3500, null, 2))));
		close("2026-11");
		String november = partner.code() + "-2026-00001";
		assertThat(invoiceCount(partner)).isEqualTo(1);

		// the partner cancels (free) after the close: the issued invoice stays as it is
		this.ingest.upsert(List.of(BillableItem.from(booking(partner, booking, NOV_5, "CANCELLED", 3500, null, 3))));
		this.mvc
			.perform(get(API + "/partners/" + partner.partnerId() + "/statements/2026-11").with(as(partner.owner())))
			.andExpect(jsonPath("$.status").value("INVOICED"))
			.andExpect(jsonPath("$.totals.inclVat.amountMinor").value(4200));

		this.clock.set(Instant.parse("2027-01-02T10:00:00Z"));
		close("2026-12");
		this.mvc
			.perform(get(API + "/partners/" + partner.partnerId() + "/statements/2026-12").with(as(partner.owner())))
			.andExpect(jsonPath("$.status").value("INVOICED"))
			.andExpect(jsonPath("$.lines[0].kind").value("REGULARISATION"))
			// a regularisation is a difference: no quantity × unit price explains it
			.andExpect(jsonPath("$.lines[0].unitPriceExclVat.amountMinor").doesNotExist())
			.andExpect(jsonPath("$.lines[0].regularisesNumber").value(november))
			.andExpect(jsonPath("$.lines[0].amountExclVat.amountMinor").value(-3500))
			.andExpect(jsonPath("$.totals.inclVat.amountMinor").value(-4200));
		this.mvc.perform(get(API + "/partners/" + partner.partnerId() + "/invoices").with(as(partner.owner())))
			.andExpect(jsonPath("$.items[0].type").value("CREDIT_NOTE"))
			// same continuous series, numbered in the year of issue
			.andExpect(jsonPath("$.items[0].number").value(partner.code() + "-2027-00001"))
			.andExpect(jsonPath("$.items[1].number").value(november));
		// the booking's page finds both: its November line and December's regularisation
		String lines = API + "/partners/" + partner.partnerId() + "/bookings/" + booking + "/invoice-lines";
		this.mvc.perform(get(lines).param("month", "2026-11").with(as(partner.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].number").value(november))
			.andExpect(jsonPath("$.items[0].line.lineNo").value(1))
			.andExpect(jsonPath("$.items[0].line.amountExclVat.amountMinor").value(3500))
			.andExpect(jsonPath("$.items[1].number").value(partner.code() + "-2027-00001"))
			.andExpect(jsonPath("$.items[1].line.kind").value("REGULARISATION"));
		this.mvc.perform(get(lines).param("month", "2026-12").with(as(partner.owner())))
			.andExpect(jsonPath("$.items.length()").value(1));
		UUID manager = UUID.randomUUID();
		member(partner.partnerId(), manager, "MANAGER");
		this.mvc.perform(get(lines).with(as(manager))).andExpect(jsonPath("$.items.length()").value(2));
		this.mvc.perform(get(lines).with(as(partner("STRG" + suffix()).owner()))).andExpect(status().isNotFound());
		this.mvc.perform(get(lines).param("month", "novembre").with(as(partner.owner())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
	}

	@Test
	void concurrentClosesOfOnePartnerNeverLeaveAGapOrADuplicateNumber() throws Exception {
		Partner partner = partner("RACE" + suffix());
		completeBilling(partner, "STANDARD");
		List<BillableItem> items = new ArrayList<>();
		for (int month = 6; month <= 11; month++) {
			items.add(BillableItem
				.from(booking(partner, UUID.randomUUID(), LocalDate.of(2026, month, 3), "CONFIRMED", 1000, null, 1)));
		}
		this.ingest.upsert(items);
		List<Callable<InvoiceIssuer.Outcome>> closes = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			for (int month = 6; month <= 11; month++) {
				YearMonth m = YearMonth.of(2026, month);
				closes.add(() -> this.issuer.close(partner.partnerId(), m));
			}
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<InvoiceIssuer.Outcome> f : pool.invokeAll(closes)) {
				assertThat(f.get().outcome()).isEqualTo(InvoiceIssuer.Outcome.Kind.INVOICED);
			}
		}
		List<String> numbers = this.jdbc.sql("SELECT number FROM invoice WHERE partner_id = :p ORDER BY number")
			.param("p", partner.partnerId())
			.query(String.class)
			.list();
		assertThat(numbers).containsExactly(partner.code() + "-2026-00001", partner.code() + "-2026-00002",
				partner.code() + "-2026-00003", partner.code() + "-2026-00004", partner.code() + "-2026-00005",
				partner.code() + "-2026-00006");
	}

	@Test
	void aThousandBookingsAt1235GiveEn16931TotalsOnTheStatementAndTheInvoice() throws Exception {
		Partner partner = partner("ROUN" + suffix());
		completeBilling(partner, "STANDARD");
		List<BillableItem> items = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			items.add(BillableItem
				.from(booking(partner, UUID.randomUUID(), NOV_5.plusDays(i % 20), "CONFIRMED", 1235, null, 1)));
		}
		this.ingest.upsert(items);
		for (String expectedStatus : new String[] { "OPEN", "INVOICED" }) {
			if ("INVOICED".equals(expectedStatus)) {
				close("2026-11");
			}
			this.mvc
				.perform(
						get(API + "/partners/" + partner.partnerId() + "/statements/2026-11").with(as(partner.owner())))
				.andExpect(jsonPath("$.status").value(expectedStatus))
				.andExpect(jsonPath("$.lines.length()").value(1000))
				.andExpect(jsonPath("$.totals.exclVat.amountMinor").value(1_235_000))
				.andExpect(jsonPath("$.totals.vatByRate[0].vatRateBps").value(2000))
				.andExpect(jsonPath("$.totals.vatByRate[0].vat.amountMinor").value(247_000))
				.andExpect(jsonPath("$.totals.inclVat.amountMinor").value(1_482_000));
		}
	}

	@Test
	void anotherPartnersMembersAndTheWrongRolesSeeNothing() throws Exception {
		Partner partner = partner("PRIV" + suffix());
		Partner other = partner("OTHR" + suffix());
		completeBilling(partner, "STANDARD");
		this.ingest
			.upsert(List.of(BillableItem.from(booking(partner, UUID.randomUUID(), NOV_5, "CONFIRMED", 3500, null, 1))));
		close("2026-11");
		String invoiceId = this.jdbc.sql("SELECT CAST(invoice_id AS text) FROM invoice WHERE partner_id = :p")
			.param("p", partner.partnerId())
			.query(String.class)
			.single();
		UUID manager = UUID.randomUUID();
		member(partner.partnerId(), manager, "MANAGER");
		String base = API + "/partners/" + partner.partnerId();
		for (String path : new String[] { base + "/billing-profile", base + "/statements/2026-11", base + "/invoices",
				API + "/invoices/" + invoiceId, API + "/invoices/" + invoiceId + "/pdf" }) {
			this.mvc.perform(get(path).with(as(other.owner()))).andExpect(status().isNotFound());
		}
		// whatever the client says it accepts, a refusal is the 404 problem, not a 406
		for (MediaType accept : new MediaType[] { MediaType.APPLICATION_JSON, MediaType.APPLICATION_PDF,
				MediaType.TEXT_HTML }) {
			this.mvc.perform(get(API + "/invoices/" + invoiceId + "/pdf").accept(accept).with(as(other.owner())))
				.andExpect(status().isNotFound())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		this.mvc
			.perform(get(API + "/invoices/" + invoiceId + "/pdf").accept(MediaType.APPLICATION_JSON).with(as(manager)))
			.andExpect(status().isNotFound());
		// page * size used to overflow into a negative OFFSET (500)
		this.mvc
			.perform(get(base + "/invoices").param("page", "21474836").param("size", "200").with(as(partner.owner())))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("page"));
		// the mailer's service account reads the PDF to attach it, and nothing else
		UUID mailer = UUID.randomUUID();
		this.mvc.perform(get(API + "/invoices/" + invoiceId + "/pdf").with(as(mailer, "invoice-documents")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType(MediaType.APPLICATION_PDF));
		for (String path : new String[] { API + "/invoices/" + invoiceId, base + "/invoices",
				base + "/billing-profile" }) {
			this.mvc.perform(get(path).with(as(mailer, "invoice-documents"))).andExpect(status().isNotFound());
		}
		this.mvc.perform(get(base + "/billing-profile").with(as(manager))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/invoices").with(as(manager))).andExpect(status().isNotFound());
		this.mvc.perform(get(API + "/invoices/" + invoiceId).with(as(manager))).andExpect(status().isNotFound());
		// a manager sees the statement (bookings), not the invoices
		this.mvc.perform(get(base + "/statements/2026-11").with(as(manager))).andExpect(status().isOk());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base + "/billing-profile")
				.with(as(other.owner()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(base + "/self-billing-mandate").with(as(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"accepted\":true,\"mandateVersion\":\"2026-11\"}"))
			.andExpect(status().isForbidden());
		// the mandate can be read before it is accepted, by those who may accept or see
		// it
		this.mvc.perform(get(base + "/self-billing-mandate").with(as(partner.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentVersion").value("2026-11"))
			.andExpect(jsonPath("$.text.fr").value(org.hamcrest.Matchers.containsString("article 289, I-2")))
			.andExpect(jsonPath("$.text.en").value(org.hamcrest.Matchers.startsWith("Self-billing mandate")))
			.andExpect(jsonPath("$.accepted.mandateVersion").value("2026-11"))
			.andExpect(jsonPath("$.accepted.acceptedBy").value(partner.owner().toString()));
		this.mvc.perform(get(API + "/partners/" + other.partnerId() + "/self-billing-mandate").with(as(other.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentVersion").value("2026-11"))
			.andExpect(jsonPath("$.accepted").doesNotExist());
		this.mvc.perform(get(base + "/self-billing-mandate").with(as(other.owner()))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/self-billing-mandate").with(as(manager))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/self-billing-mandate").with(ops())).andExpect(status().isOk());
		this.mvc
			.perform(post(API + "/closings").with(as(partner.owner(), "partner"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"month\":\"2026-11\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(API + "/invoices/" + invoiceId).with(ops())).andExpect(status().isOk());
		byte[] pdf = this.mvc.perform(get(API + "/invoices/" + invoiceId + "/pdf").with(as(partner.owner())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new org.mustangproject.ZUGFeRD.ZUGFeRDImporter(new java.io.ByteArrayInputStream(pdf)).getInvoiceID())
			.isEqualTo(partner.code() + "-2026-00001");
	}

	@Test
	void refusesBillingInformationWithFieldErrorsAndStoresNothing() throws Exception {
		Partner partner = partner("VALI" + suffix());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put(API + "/partners/" + partner.partnerId() + "/billing-profile")
				.with(as(partner.owner()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"legalName":"","legalForm":"SAS","siret":"44306184100048","vatNumber":"FR65443061841",
								 "vatRegime":"STANDARD","address":{"line1":"1 rue","postalCode":"69002","city":"Lyon","country":"France"},
								 "billingEmail":"not-an-email"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'siret')].message")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("check digit"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'vatNumber')].message")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("key"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'legalName')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'address.country')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'billingEmail')]").exists());
		this.mvc.perform(get(API + "/partners/" + partner.partnerId() + "/billing-profile").with(as(partner.owner())))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePaidPayoutMarksTheInvoicePaidAndTellsTheOthers() throws Exception {
		Partner partner = partner("PAID" + suffix());
		completeBilling(partner, "STANDARD");
		this.ingest
			.upsert(List.of(BillableItem.from(booking(partner, UUID.randomUUID(), NOV_5, "CONFIRMED", 3500, null, 1))));
		close("2026-11");
		UUID invoiceId = this.jdbc.sql("SELECT invoice_id FROM invoice WHERE partner_id = :p")
			.param("p", partner.partnerId())
			.query(UUID.class)
			.single();
		var payout = new com.worklib.contracts.payment.PayoutPayload(UUID.randomUUID(), partner.partnerId(), invoiceId,
				new com.worklib.contracts.MoneyAmount(4200, "EUR"), LocalDate.of(2026, 12, 10), "PAID", null, "tr_1",
				3);
		String body = this.json.writeValueAsString(payout);
		for (int i = 0; i < 2; i++) {
			// redelivered: one status change, one event
			this.kafka
				.send(KafkaSupport.cloudEvent(Topics.PAYMENT_PAYOUTS, partner.partnerId().toString(),
						"evt-paid-" + invoiceId, "payment.PayoutPaid", body))
				.get();
		}
		await("invoice paid",
				() -> "PAID".equals(this.jdbc.sql("SELECT status FROM invoice WHERE invoice_id = :i")
					.param("i", invoiceId)
					.query(String.class)
					.single()));
		this.mvc.perform(get(API + "/invoices/" + invoiceId).with(as(partner.owner())))
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.lines[0].amountExclVat.amountMinor").value(3500))
			.andExpect(jsonPath("$.lines[0].unit").value("HOUR"))
			.andExpect(jsonPath("$.lines[0].quantity").value(1))
			.andExpect(jsonPath("$.lines[0].unitPriceExclVat.amountMinor").value(3500))
			.andExpect(jsonPath("$.seller.siret").value("44306184100047"));
		KafkaSupport.awaitRecord(Topics.BILLING_INVOICES,
				r -> invoiceId.toString().equals(KafkaSupport.header(r, "ce_subject"))
						&& "billing.InvoicePaid".equals(KafkaSupport.header(r, "ce_type")));
	}

	@Test
	void theScheduledCloseFansOutOnceWhateverTheNumberOfReplicas() throws Exception {
		this.clock.set(Instant.parse("2027-03-01T01:00:00Z"));
		java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
		try (ExecutorService replicas = Executors.newFixedThreadPool(3)) {
			List<Callable<Object>> fires = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				fires.add(() -> {
					this.closings.request(YearMonth.of(2027, 2), ClosingService.Trigger.SCHEDULED, null)
						.ifPresent(id -> started.incrementAndGet());
					return null;
				});
			}
			for (Future<Object> f : replicas.invokeAll(fires)) {
				f.get();
			}
		}
		assertThat(started.get()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM closing WHERE month = '2027-02'").query(Long.class).single())
			.isEqualTo(1);
	}

	private UUID close(String month) throws Exception {
		String body = this.mvc
			.perform(post(API + "/closings").with(ops())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"month\":\"" + month + "\"}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID closingId = UUID.fromString(JsonPath.read(body, "$.closingId"));
		await("closing " + month, () -> {
			try {
				return "DONE".equals(JsonPath.read(progress(closingId), "$.status"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		return closingId;
	}

	private String progress(UUID closingId) throws Exception {
		return this.mvc.perform(get(API + "/closings/" + closingId).with(ops()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long invoiceCount(Partner partner) {
		return this.jdbc.sql("SELECT count(*) FROM invoice WHERE partner_id = :p")
			.param("p", partner.partnerId())
			.query(Long.class)
			.single();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 4).toUpperCase();
	}

}
