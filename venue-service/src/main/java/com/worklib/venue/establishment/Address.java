package com.worklib.venue.establishment;

/** A postal address; {@code country} is ISO 3166 alpha-2. */
public record Address(String line1, String line2, String postalCode, String city, String country) {
}
