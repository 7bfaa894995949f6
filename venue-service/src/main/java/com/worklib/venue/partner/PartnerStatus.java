package com.worklib.venue.partner;

/** Imported partners start UNCLAIMED; the first OWNER membership claims them. */
public enum PartnerStatus {

	UNCLAIMED, CLAIMED

}
