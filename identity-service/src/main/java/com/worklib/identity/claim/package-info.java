/**
 * Migrated-listing claims: venue.partners.v1 says which partner waits for which address;
 * the verified owner of that exact address (trimmed, case-insensitive) becomes its OWNER,
 * once.
 */
package com.worklib.identity.claim;
