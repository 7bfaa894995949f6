package com.worklib.notification.delivery;

import java.util.UUID;

/**
 * Where the invoice mail's PDF comes from: billing, which renders it (ADR 24).
 */
public interface InvoiceDocuments {

	/**
	 * @throws RuntimeException when it cannot be had now; the mail waits and tries again
	 */
	byte[] pdf(UUID invoiceId);

}
