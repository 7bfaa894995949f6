/**
 * A migrated partner becomes CLAIMED when identity-service grants its first OWNER
 * membership.
 */
package com.worklib.venue.claim;
