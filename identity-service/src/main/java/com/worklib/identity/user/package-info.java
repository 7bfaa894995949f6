/**
 * Sign-up, email verification and the user mirror of Keycloak, and the claims of migrated
 * listings that verification and login help settle (ClaimService): venue.partners.v1 says
 * which partner waits for which address, and the verified owner of that exact address
 * becomes its OWNER, once.
 */
package com.worklib.identity.user;
