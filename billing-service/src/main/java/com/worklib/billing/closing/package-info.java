/**
 * Month-end close: fan-out of one command per partner, consumption by every replica,
 * progress for ops, the monthly schedule.
 */
package com.worklib.billing.closing;
