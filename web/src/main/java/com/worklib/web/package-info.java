/**
 * Every page people use, server-rendered behind the gateway: a backend-for-frontend that
 * signs people in with Keycloak, keeps their tokens server-side and calls the public API
 * through the gateway. It holds no business rule: what the API refuses, the page shows.
 */
package com.worklib.web;
