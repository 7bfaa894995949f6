/** HTTP for calendar files and feeds. */
package com.worklib.booking.calendar.web;
