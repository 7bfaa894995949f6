/**
 * RFC 9457 problem details for every error a service returns, and the exceptions that map
 * to them.
 */
package com.worklib.platform.web;
