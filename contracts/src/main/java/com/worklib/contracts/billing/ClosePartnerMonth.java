package com.worklib.contracts.billing;

import java.util.UUID;

/**
 * Internal command on {@code billing.close-commands.v1}: close one partner's month.
 * Idempotent, so it carries no version.
 */
public record ClosePartnerMonth(UUID closingId, UUID partnerId, String month) {
}
