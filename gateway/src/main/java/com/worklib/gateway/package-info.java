/**
 * The gateway: routes, token validation at the edge, problem details for its own errors.
 */
package com.worklib.gateway;
