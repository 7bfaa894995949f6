/**
 * Billable items: one per booking, kept from booking events.
 */
package com.worklib.billing.items;
