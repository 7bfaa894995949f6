package com.worklib.web.partner.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.worklib.web.api.BillingApi;
import com.worklib.web.api.UserApi;

/**
 * "Factures": the month's statement line by line with its running total (any member), the
 * invoices with their payout (OWNER and FINANCE, as the API allows), an invoice's page
 * whose lines and VAT are explained to the cent, and its PDF. The page does no billing
 * arithmetic of its own: amounts are the API's; the explanation only shows how they
 * follow from quantity, unit price and rate.
 */
@Controller
class InvoicePages {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final UserApi user;

	private final BillingApi billing;

	private final Clock clock;

	InvoicePages(UserApi user, BillingApi billing, Clock clock) {
		this.user = user;
		this.billing = billing;
		this.clock = clock;
	}

	/** A statement line and the month's total so far, excl. VAT. */
	record Row(BillingApi.Line line, UserApi.Money runningExclVat) {
	}

	/** An invoice of the list with its payout, when one is planned. */
	record Listed(BillingApi.InvoiceSummary invoice, BillingApi.Payout payout) {
	}

	/** One VAT rate of an invoice: the base, the exact VAT before rounding, the VAT. */
	record VatExplained(BillingApi.VatBreakdown rate, BigDecimal exactCents) {
	}

	@GetMapping("/partners/{partnerId}/factures")
	String invoices(@PathVariable UUID partnerId, @RequestParam(required = false) String month, Model model) {
		UserApi.Partner partner = this.user.partner(partnerId);
		YearMonth shown = month(month);
		BillingApi.Statement statement = this.billing.statement(partnerId, shown);
		List<Row> rows = new ArrayList<>();
		long running = 0;
		for (BillingApi.Line line : statement.lines()) {
			running += line.amountExclVat().amountMinor();
			rows.add(new Row(line, new UserApi.Money(running, line.amountExclVat().currency())));
		}
		boolean money = seesMoney(partnerId);
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "factures");
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("statement", statement);
		model.addAttribute("rows", rows);
		model.addAttribute("seesMoney", money);
		if (money) {
			Map<UUID, BillingApi.Payout> payouts = this.billing.payouts(partnerId)
				.stream()
				.collect(Collectors.toMap(BillingApi.Payout::invoiceId, Function.identity(), (a, b) -> b));
			model.addAttribute("invoices",
					this.billing.invoices(partnerId)
						.stream()
						.map(i -> new Listed(i, payouts.get(i.invoiceId())))
						.toList());
		}
		return "partner/invoices";
	}

	@GetMapping({ "/partners/{partnerId}/factures/{invoiceId}", "/partners/{partnerId}/invoices/{invoiceId}" })
	String invoice(@PathVariable UUID partnerId, @PathVariable UUID invoiceId, Model model) {
		UserApi.Partner partner = this.user.partner(partnerId);
		BillingApi.Invoice invoice = ofPartner(partnerId, invoiceId);
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "factures");
		model.addAttribute("invoice", invoice);
		model.addAttribute("vat",
				invoice.totals()
					.vatByRate()
					.stream()
					.map(r -> new VatExplained(r,
							BigDecimal.valueOf(r.base().amountMinor())
								.multiply(BigDecimal.valueOf(r.vatRateBps()))
								.divide(BigDecimal.valueOf(10_000), 4, RoundingMode.UNNECESSARY)
								.stripTrailingZeros()))
					.toList());
		model.addAttribute("payout",
				this.billing.payouts(partnerId)
					.stream()
					.filter(p -> invoiceId.equals(p.invoiceId()))
					.findFirst()
					.orElse(null));
		return "partner/invoice";
	}

	@GetMapping("/partners/{partnerId}/factures/{invoiceId}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID partnerId, @PathVariable UUID invoiceId) {
		BillingApi.Invoice invoice = ofPartner(partnerId, invoiceId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + invoice.number() + ".pdf\"")
			.body(this.billing.pdf(invoiceId));
	}

	/** The invoice, if it is this partner's: another's is a 404 like any unknown id. */
	private BillingApi.Invoice ofPartner(UUID partnerId, UUID invoiceId) {
		BillingApi.Invoice invoice = this.billing.invoice(invoiceId);
		if (!partnerId.equals(invoice.partnerId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return invoice;
	}

	/** OWNER and FINANCE see invoices and payouts; a MANAGER the statement only. */
	private boolean seesMoney(UUID partnerId) {
		return SettingsPages.MONEY_ROLES.contains(this.user.me().roleIn(partnerId));
	}

	/** The month asked for, this month in Paris when none or not a month. */
	private YearMonth month(String month) {
		if (month != null) {
			try {
				return YearMonth.parse(month);
			}
			catch (DateTimeParseException ex) {
				// a hand-edited address: show this month rather than an error
			}
		}
		return YearMonth.now(this.clock.withZone(PARIS));
	}

}
