package com.worklib.platform.security;

/** What a member may do for a partner (DESIGN §3). */
public enum PartnerRole {

	/** Everything, including team and payouts. */
	OWNER,
	/** Listing and bookings. */
	MANAGER,
	/** Billing profile, invoices and payouts. */
	FINANCE

}
