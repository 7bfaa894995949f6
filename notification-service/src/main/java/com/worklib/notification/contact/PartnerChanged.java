package com.worklib.notification.contact;

import com.worklib.contracts.venue.PartnerPayload;

/**
 * The newest state of a partner was just applied (in-process event, inside the listener's
 * transaction).
 */
public record PartnerChanged(String eventId, PartnerPayload partner) {
}
