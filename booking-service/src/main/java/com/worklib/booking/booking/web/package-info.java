/**
 * HTTP for bookings: book, confirm, decline, cancel, the booker's and the partner's
 * lists.
 */
package com.worklib.booking.booking.web;
