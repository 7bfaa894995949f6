/**
 * How the identity provider's failures reach clients: 503 when Keycloak is down, a
 * refused password as a field error.
 */
package com.worklib.identity.keycloak.web;
