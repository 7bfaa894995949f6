/**
 * Month-end close: booking events kept as billable items, the venue names billing needs,
 * the fan-out of one command per partner, one partner's close into an invoice, the draft
 * statement of an open month, progress for ops and the monthly schedule.
 */
package com.worklib.billing.close;
