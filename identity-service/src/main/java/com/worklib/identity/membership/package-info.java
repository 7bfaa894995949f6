/**
 * Memberships (partner, user, role): granted, changed and revoked here, published to
 * every service.
 */
package com.worklib.identity.membership;
