/** Payloads published by booking-service. */
package com.worklib.contracts.booking;
