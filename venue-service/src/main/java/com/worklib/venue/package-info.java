/**
 * venue-service: owns partners, establishments, workspaces, prices, booking contacts,
 * Neo-nomade imports; publishes venue.partners.v1, venue.establishments.v1,
 * venue.workspaces.v1; consumes identity.memberships.v1.
 */
package com.worklib.venue;
