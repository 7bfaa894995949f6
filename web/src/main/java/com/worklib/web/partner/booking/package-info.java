/**
 * "Réservations": the partner's bookings table, the requests to answer, the CSV export
 * and a booking's page with its three prices.
 */
package com.worklib.web.partner.booking;
