package com.worklib.web.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A partner's money, as the signed-in member: the month's statement, invoices and their
 * PDF, billing information and the self-billing mandate (billing-service), the Stripe
 * account and payouts (payment-service). The API decides who may see what: a MANAGER's
 * 403 and another partner's 404 come back as {@link ApiProblem}.
 */
public class BillingApi {

	private final RestClient api;

	BillingApi(RestClient api) {
		this.api = api;
	}

	/**
	 * One line of a statement or an invoice; unit, quantity and unit price are null on
	 * regularisations.
	 */
	public record Line(Integer lineNo, UUID bookingId, LocalDate serviceDate, String workspaceName, String kind,
			UserApi.Money amountExclVat, int vatRateBps, String regularisesNumber, String unit, BigDecimal quantity,
			UserApi.Money unitPriceExclVat) {
	}

	public record VatBreakdown(int vatRateBps, UserApi.Money base, UserApi.Money vat) {
	}

	public record Totals(UserApi.Money exclVat, List<VatBreakdown> vatByRate, UserApi.Money vat,
			UserApi.Money inclVat) {
	}

	/**
	 * {@code linesInclVatRoundedPerLine}: the lines' total had VAT been rounded line by
	 * line (as each booking shows it), next to the real total, VAT rounded once per rate.
	 */
	public record Statement(String month, String status, List<Line> lines, Totals totals, UUID invoiceId,
			String invoiceNumber, UserApi.Money linesInclVatRoundedPerLine) implements Rounded {
	}

	/**
	 * A document whose total incl. VAT may differ by a few cents from its lines rounded
	 * one by one.
	 */
	public interface Rounded {

		Totals totals();

		UserApi.Money linesInclVatRoundedPerLine();

		/**
		 * The real total minus the lines' total rounded line by line, in cents; 0 when
		 * unknown.
		 */
		default long roundingDifferenceCents() {
			return linesInclVatRoundedPerLine() == null ? 0
					: Math.abs(totals().inclVat().amountMinor() - linesInclVatRoundedPerLine().amountMinor());
		}

	}

	public record InvoiceSummary(UUID invoiceId, String number, String type, String month, Instant issuedAt,
			Totals totals, String status) {
	}

	public record Address(String line1, String line2, String postalCode, String city, String country) {
	}

	public record Profile(UUID partnerId, String legalName, String legalForm, String siret, String vatNumber,
			String vatRegime, Address address, String billingEmail) {
	}

	public record Invoice(UUID invoiceId, UUID partnerId, String month, String number, String type, Instant issuedAt,
			Totals totals, Profile seller, String mandateVersion, String status, String statusReason, List<Line> lines,
			UserApi.Money linesInclVatRoundedPerLine) implements Rounded {
	}

	public record Accepted(String mandateVersion, Instant acceptedAt, UUID acceptedBy) {
	}

	public record MandateTexts(String fr, String en) {
	}

	public record Mandate(String currentVersion, MandateTexts text, Accepted accepted) {

		/** Accepted in its current version: an older acceptance must be renewed. */
		public boolean acceptedCurrent() {
			return this.accepted != null && this.currentVersion.equals(this.accepted.mandateVersion());
		}

	}

	public record Account(String stripeAccountId, String status, boolean payoutsEnabled, List<String> requirementsDue,
			String disabledReason) {
	}

	public record Link(String url, Instant expiresAt) {
	}

	public record Payout(UUID payoutId, UUID invoiceId, String invoiceNumber, UserApi.Money amount,
			LocalDate plannedDate, String status, String reason, String transferId) {
	}

	public Statement statement(UUID partnerId, YearMonth month) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/billing/v1/partners/{p}/statements/{m}", partnerId, month)
			.retrieve()
			.body(Statement.class));
	}

	/** The partner's invoices and credit notes, newest first (up to 200). */
	public List<InvoiceSummary> invoices(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/billing/v1/partners/{p}/invoices?size=200", partnerId)
			.retrieve()
			.body(new ParameterizedTypeReference<UserApi.Items<InvoiceSummary>>() {
			})
			.items());
	}

	public Invoice invoice(UUID invoiceId) {
		return PublicApi
			.call(() -> this.api.get().uri("/api/billing/v1/invoices/{id}", invoiceId).retrieve().body(Invoice.class));
	}

	public byte[] pdf(UUID invoiceId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/billing/v1/invoices/{id}/pdf", invoiceId)
			.accept(MediaType.APPLICATION_PDF)
			.retrieve()
			.body(byte[].class));
	}

	/** The billing information, or null while the partner has none. */
	public Profile profile(UUID partnerId) {
		try {
			return PublicApi.call(() -> this.api.get()
				.uri("/api/billing/v1/partners/{p}/billing-profile", partnerId)
				.retrieve()
				.body(Profile.class));
		}
		catch (ApiProblem problem) {
			// pages ask for the partner first, so a 404 here is "none yet"
			if (problem.status() == 404) {
				return null;
			}
			throw problem;
		}
	}

	public Profile saveProfile(UUID partnerId, Map<String, Object> body) {
		return PublicApi.call(() -> this.api.put()
			.uri("/api/billing/v1/partners/{p}/billing-profile", partnerId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Profile.class));
	}

	public Mandate mandate(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/billing/v1/partners/{p}/self-billing-mandate", partnerId)
			.retrieve()
			.body(Mandate.class));
	}

	public Accepted acceptMandate(UUID partnerId, String version) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/billing/v1/partners/{p}/self-billing-mandate", partnerId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accepted", true, "mandateVersion", version))
			.retrieve()
			.body(Accepted.class));
	}

	public Account account(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/payments/v1/partners/{p}/connected-account", partnerId)
			.retrieve()
			.body(Account.class));
	}

	public Link onboardingLink(UUID partnerId) {
		return PublicApi.call(() -> this.api.post()
			.uri("/api/payments/v1/partners/{p}/connected-account/onboarding-link", partnerId)
			.retrieve()
			.body(Link.class));
	}

	public List<Payout> payouts(UUID partnerId) {
		return PublicApi.call(() -> this.api.get()
			.uri("/api/payments/v1/partners/{p}/payouts?size=200", partnerId)
			.retrieve()
			.body(new ParameterizedTypeReference<UserApi.Items<Payout>>() {
			})
			.items());
	}

}
