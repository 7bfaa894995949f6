package com.worklib.booking.booking.web;

/**
 * The employees' flow as the OpenAPI document shows it to mobile and web clients: search,
 * book, my bookings, cancel, calendar file; with examples.
 */
public final class EmployeeFlow {

	public static final String TAG = "Employees: search, book, my bookings, calendar";

	static final String BOOK = """
			{"workspaceId": "3b6f0a52-8d1e-4c3a-9a57-2f0c4f1b7e21",
			 "start": "2026-12-03T09:00:00+01:00", "end": "2026-12-03T11:00:00+01:00",
			 "attendees": 1, "note": "Arrivée vers 9 h"}""";

	public static final String SEARCH = """
			{"items": [{
			  "workspace": {"workspaceId": "3b6f0a52-8d1e-4c3a-9a57-2f0c4f1b7e21", "type": "DESK",
			    "name": "Plateau", "capacity": 4, "bookingMode": "INSTANT", "priceUnit": "HOUR"},
			  "establishment": {"establishmentId": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
			    "name": "Atelier Presqu'île", "timezone": "Europe/Paris",
			    "address": {"line1": "12 rue de la République", "postalCode": "69002", "city": "Lyon", "country": "FR"},
			    "openingHoursThatDay": [{"opens": "08:00:00", "closes": "19:00:00"}]},
			  "slot": {"start": "2026-12-03T09:00:00+01:00", "end": "2026-12-03T11:00:00+01:00"},
			  "customerPrice": {"unit": "HOUR", "quantity": "2", "exclVat": {"amountMinor": 1150, "currency": "EUR"},
			    "vatRateBps": 2000, "inclVat": {"amountMinor": 1380, "currency": "EUR"},
			    "lateCancellationFee": {"amountMinor": 1000, "currency": "EUR"}},
			  "remaining": 3,
			  "cancellation": {"freeUntil": "2026-12-02T09:00:00+01:00", "lateAlready": false}}],
			 "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""";

	private EmployeeFlow() {
	}

}
