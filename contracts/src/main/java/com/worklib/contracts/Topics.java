package com.worklib.contracts;

import java.util.List;

/**
 * Kafka topic names, {@code <service>.<aggregate-plural>.v<N>}. The partition key is the
 * aggregate id, or the partner id for partner-scoped aggregates.
 */
public final class Topics {

	public static final String IDENTITY_USERS = "identity.users.v1";

	public static final String IDENTITY_MEMBERSHIPS = "identity.memberships.v1";

	/**
	 * Mails identity-service asks notification-service to send (verification, claim,
	 * invitation…).
	 */
	public static final String IDENTITY_NOTIFICATIONS = "identity.notifications.v1";

	public static final String VENUE_PARTNERS = "venue.partners.v1";

	public static final String VENUE_ESTABLISHMENTS = "venue.establishments.v1";

	public static final String VENUE_WORKSPACES = "venue.workspaces.v1";

	public static final String BOOKING_BOOKINGS = "booking.bookings.v1";

	public static final String BILLING_INVOICES = "billing.invoices.v1";

	public static final String BILLING_CLOSE_COMMANDS = "billing.close-commands.v1";

	public static final String PAYMENT_ACCOUNTS = "payment.accounts.v1";

	public static final String PAYMENT_PAYOUTS = "payment.payouts.v1";

	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	public static final int DEFAULT_PARTITIONS = 6;

	public static final int CLOSE_COMMAND_PARTITIONS = 12;

	private Topics() {
	}

	public static List<String> all() {
		return List.of(IDENTITY_USERS, IDENTITY_MEMBERSHIPS, IDENTITY_NOTIFICATIONS, VENUE_PARTNERS,
				VENUE_ESTABLISHMENTS, VENUE_WORKSPACES, BOOKING_BOOKINGS, BILLING_INVOICES, BILLING_CLOSE_COMMANDS,
				PAYMENT_ACCOUNTS, PAYMENT_PAYOUTS);
	}

	public static int partitions(String topic) {
		return BILLING_CLOSE_COMMANDS.equals(topic) ? CLOSE_COMMAND_PARTITIONS : DEFAULT_PARTITIONS;
	}

	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
