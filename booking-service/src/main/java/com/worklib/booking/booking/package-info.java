/**
 * Bookings: slot rules in venue time, price snapshots, the request/approval state
 * machine, cancellation fees.
 */
package com.worklib.booking.booking;
