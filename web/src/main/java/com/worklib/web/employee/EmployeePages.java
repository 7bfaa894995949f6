package com.worklib.web.employee;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the booking mails link to for the person who booked ({@code /search},
 * {@code /bookings}, {@code /bookings/{id}}): a page that says what will be there, so no
 * mail link is dead before the employees' app lands.
 */
@Controller
class EmployeePages {

	@GetMapping({ "/search", "/bookings", "/bookings/{bookingId}" })
	String soon() {
		return "employee/soon";
	}

}
