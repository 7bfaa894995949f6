/**
 * The identity provider port and its Keycloak adapter (admin REST API, service account).
 */
package com.worklib.identity.keycloak;
