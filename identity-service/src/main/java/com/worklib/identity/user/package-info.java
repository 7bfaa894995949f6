/** Sign-up, email verification and the user mirror of Keycloak. */
package com.worklib.identity.user;
