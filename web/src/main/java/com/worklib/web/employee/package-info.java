/**
 * The employees' booking app: search, book, their bookings. Its pages come with the
 * employees' app issue; until then the links its mails carry land here.
 */
package com.worklib.web.employee;
