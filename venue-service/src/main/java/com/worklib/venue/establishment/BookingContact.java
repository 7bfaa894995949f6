package com.worklib.venue.establishment;

/**
 * Where booking requests for an establishment are sent: an email and an E.164 phone
 * number.
 */
public record BookingContact(String email, String phone) {
}
