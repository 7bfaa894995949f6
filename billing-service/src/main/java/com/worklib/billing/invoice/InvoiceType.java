package com.worklib.billing.invoice;

/**
 * What a self-billed document is: an invoice, or a credit note when the month's
 * regularisations make its total negative. Both are numbered in the same series.
 */
public enum InvoiceType {

	INVOICE("389"), CREDIT_NOTE("261");

	private final String untdidCode;

	InvoiceType(String untdidCode) {
		this.untdidCode = untdidCode;
	}

	/**
	 * UNTDID 1001 document type code (EN 16931 BT-3): 389 self-billed invoice, 261 credit
	 * note.
	 */
	public String untdidCode() {
		return this.untdidCode;
	}

}
