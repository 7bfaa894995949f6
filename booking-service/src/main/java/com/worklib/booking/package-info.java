/**
 * booking-service: owns bookings, price snapshots, the catalog read model; publishes
 * booking.bookings.v1; consumes venue.*, identity.memberships.v1.
 */
package com.worklib.booking;
