/**
 * The refusals a service's features throw (not found, forbidden, conflict, gone, a
 * business rule, invalid fields), free of HTTP: {@code web.ProblemDetailsAdvice} turns
 * them into problem details.
 */
package com.worklib.platform.domain;
