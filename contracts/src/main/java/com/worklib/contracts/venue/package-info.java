/** Payloads published by venue-service. */
package com.worklib.contracts.venue;
