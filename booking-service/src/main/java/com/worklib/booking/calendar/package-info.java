/**
 * Calendar files (RFC 5545): a booking's event for the person who booked and the partner,
 * and each establishment's secret subscription feed.
 */
package com.worklib.booking.calendar;
