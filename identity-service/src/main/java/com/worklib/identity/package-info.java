/**
 * identity-service: owns users (mirror of Keycloak), email verifications, memberships,
 * invitations, pending migration claims; publishes identity.users.v1,
 * identity.memberships.v1; consumes venue.partners.v1.
 */
package com.worklib.identity;
