/**
 * Every service is an OAuth2 resource server: JWTs from Keycloak, realm roles as
 * authorities, and partner-scoped authorization from the membership read model fed by
 * identity events.
 */
package com.worklib.platform.security;
