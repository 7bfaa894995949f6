/**
 * Establishments: address, time zone, opening hours, description and the contact for
 * bookings.
 */
package com.worklib.venue.establishment;
