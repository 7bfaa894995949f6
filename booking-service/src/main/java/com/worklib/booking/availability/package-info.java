/** Public availability of a workspace on a venue-local date. */
package com.worklib.booking.availability;
