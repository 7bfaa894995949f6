package com.worklib.contracts;

/**
 * Logical CloudEvents {@code ce_type} values. Never a Java class name, so payload classes
 * can be renamed without breaking consumers.
 */
public final class EventTypes {

	public static final String USER_REGISTERED = "identity.UserRegistered";

	public static final String USER_EMAIL_VERIFIED = "identity.UserEmailVerified";

	public static final String MAIL_REQUESTED = "identity.MailRequested";

	public static final String MEMBERSHIP_GRANTED = "identity.MembershipGranted";

	public static final String MEMBERSHIP_CHANGED = "identity.MembershipChanged";

	public static final String MEMBERSHIP_REVOKED = "identity.MembershipRevoked";

	public static final String PARTNER_CREATED = "venue.PartnerCreated";

	public static final String PARTNER_CHANGED = "venue.PartnerChanged";

	public static final String ESTABLISHMENT_CREATED = "venue.EstablishmentCreated";

	public static final String ESTABLISHMENT_CHANGED = "venue.EstablishmentChanged";

	public static final String WORKSPACE_CREATED = "venue.WorkspaceCreated";

	public static final String WORKSPACE_CHANGED = "venue.WorkspaceChanged";

	public static final String BOOKING_REQUESTED = "booking.BookingRequested";

	public static final String BOOKING_CONFIRMED = "booking.BookingConfirmed";

	public static final String BOOKING_DECLINED = "booking.BookingDeclined";

	public static final String BOOKING_EXPIRED = "booking.BookingExpired";

	public static final String BOOKING_CANCELLED = "booking.BookingCancelled";

	public static final String INVOICE_ISSUED = "billing.InvoiceIssued";

	public static final String INVOICE_PAID = "billing.InvoicePaid";

	public static final String INVOICE_PAYMENT_FAILED = "billing.InvoicePaymentFailed";

	/** A month the close could not invoice: {@code MonthNotInvoicedPayload}. */
	public static final String PARTNER_MONTH_NOT_INVOICED = "billing.PartnerMonthNotInvoiced";

	public static final String CLOSE_PARTNER_MONTH = "billing.ClosePartnerMonth";

	public static final String CONNECTED_ACCOUNT_UPDATED = "payment.ConnectedAccountUpdated";

	public static final String PAYOUT_PLANNED = "payment.PayoutPlanned";

	public static final String PAYOUT_TRANSFERRED = "payment.PayoutTransferred";

	public static final String PAYOUT_PAID = "payment.PayoutPaid";

	public static final String PAYOUT_BLOCKED = "payment.PayoutBlocked";

	public static final String PAYOUT_FAILED = "payment.PayoutFailed";

	private EventTypes() {
	}

}
