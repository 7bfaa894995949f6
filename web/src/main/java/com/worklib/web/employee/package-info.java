/**
 * The employees' booking app, mobile first: search by date and time, an establishment's
 * day, the booking summary and its one click, "Mes réservations" with the calendar file
 * and the cancellation that shows its fee first.
 */
package com.worklib.web.employee;
